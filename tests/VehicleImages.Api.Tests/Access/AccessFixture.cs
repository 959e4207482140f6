using VehicleImages.Application.Access;
using VehicleImages.Application.Keys;
using VehicleImages.Domain.Keys;

namespace VehicleImages.Api.Tests.Access;

/// <summary>An app with an empty library and a plan for every refusal: one family only, slow, and a small quota.</summary>
public sealed class AccessFixture : IAsyncLifetime
{
    public const int Quota = 3;

    private TestApp? _app;

    public TestApp App => _app ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Access:FailedKeyAttemptsPerMinute"] = "100000",
            ["Access:Plans:slow:RequestsPerSecond"] = "1",
            ["Access:Plans:slow:Burst"] = "2",
            ["Access:Plans:quota:RequestsPerSecond"] = "1000",
            ["Access:Plans:quota:Burst"] = "1000",
            ["Access:Plans:quota:MonthlyQuota"] = Quota.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var family in Enum.GetNames<ApiFamily>())
        {
            settings[$"Access:Plans:only-{family}:Families:0"] = family;
        }

        _app = await TestApp.StartAsync(settings);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>A new key on the plan, so no test shares rate or quota with another.</summary>
    public async Task<(ApiKey Key, string Secret)> CreateKeyAsync(string plan = "default", KeyScopes scopes = KeyScopes.Api) =>
        await App.Service<KeyManager>().CreateAsync("test", plan, scopes, CancellationToken.None);

    public UsageMeter Meter => App.Service<UsageMeter>();
}
