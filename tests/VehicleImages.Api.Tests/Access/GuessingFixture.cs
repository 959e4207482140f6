using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VehicleImages.Application.Keys;
using VehicleImages.Domain.Keys;

namespace VehicleImages.Api.Tests.Access;

/// <summary>
/// A server that allows each address <see cref="Allowance"/> unknown keys, on a clock that moves only when told to
/// (so no allowance refills while a test counts), and a fresh loopback address for each test to be.
/// </summary>
public sealed class GuessingFixture : IAsyncLifetime
{
    public const int Allowance = 3;

    private int _lastPeer = 1;
    private TestApp? _app;

    public TestApp App => _app ?? throw new InvalidOperationException("Not started.");

    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    public async ValueTask InitializeAsync() =>
        _app = await TestApp.StartAsync(
            new Dictionary<string, string?> { ["Access:FailedKeyAttemptsPerMinute"] = Allowance.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            replace: services => services.AddSingleton<TimeProvider>(Clock));

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>A client on a loopback address no other test uses, so it starts with the whole allowance.</summary>
    internal Peer NewPeer() => new(App.Address, IPAddress.Parse($"127.0.0.{Interlocked.Increment(ref _lastPeer)}"));

    public async Task<string> CreateKeyAsync() => (await App.Service<KeyManager>().CreateAsync("test", null, KeyScopes.Api, CancellationToken.None)).Secret;

    /// <summary>
    /// Shows that nothing the peer sent before counted as a guess: exactly <see cref="Allowance"/> unknown keys are
    /// refused as unknown, and only the next as guessing.
    /// </summary>
    internal static async Task AssertWholeAllowanceAsync(Peer peer, ApiFamily family)
    {
        for (var i = 0; i < Allowance; i++)
        {
            using var unknown = await peer.SendAsync(FamilyCalls.Request(family, KeySecrets.Generate()));
            await FamilyCalls.AssertRefusalAsync(family, unknown, FamilyCalls.UnknownKeyStatus(family));
        }

        using var guessing = await peer.SendAsync(FamilyCalls.Request(family, KeySecrets.Generate()));
        Assert.Contains("Too many invalid API keys", await FamilyCalls.AssertRefusalAsync(family, guessing, 429), StringComparison.Ordinal);
    }
}
