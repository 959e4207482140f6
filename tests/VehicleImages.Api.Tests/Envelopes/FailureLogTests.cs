using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VehicleImages.Domain.Keys;
using VehicleImages.Storage.Catalog;

namespace VehicleImages.Api.Tests.Envelopes;

/// <summary>A client that provokes the same unexpected failure over and over costs the log one stack trace a minute, not one a request.</summary>
public sealed class FailureLogTests
{
    private const int Burst = 20;
    private const int RequestFailed = 1001;
    private const int RequestFailuresLeftOut = 1008;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_burst_of_the_same_500_logs_one_stack_trace_then_how_many_repeats_were_left_out()
    {
        var logs = new CapturedLogs();
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var app = await TestApp.StartAsync(replace: services =>
        {
            var real = (ICatalog)services.Last(d => d.ServiceType == typeof(ICatalog)).ImplementationInstance!;
            services.AddSingleton(BrokenMember.Wrap(real, nameof(ICatalog.FindByVinAsync)));
            services.AddSingleton<ILoggerProvider>(logs);
            services.AddSingleton<TimeProvider>(clock);
        });
        await using (app)
        {
            var (_, key) = await app.Service<Application.Keys.KeyManager>().CreateAsync("app", null, KeyScopes.Api, Cancel);
            var statuses = await Task.WhenAll(Enumerable.Range(0, Burst).Select(_ => PhotosAsync(app, key)));
            Assert.All(statuses, status => Assert.Equal(HttpStatusCode.InternalServerError, status));

            var failed = Assert.Single(Logged(logs, RequestFailed));
            Assert.Contains(nameof(BrokenMember<ICatalog>), failed.Exception!.StackTrace, StringComparison.Ordinal);
            Assert.Empty(Logged(logs, RequestFailuresLeftOut));

            // A minute on, the next failure of the same cause says how many were left out, and is logged in full again.
            clock.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(HttpStatusCode.InternalServerError, await PhotosAsync(app, key));
            Assert.Equal(2, Logged(logs, RequestFailed).Count);
            Assert.StartsWith($"{Burst - 1} more requests failed the same way", Assert.Single(Logged(logs, RequestFailuresLeftOut)).Message, StringComparison.Ordinal);

            Assert.Equal(HttpStatusCode.InternalServerError, await PhotosAsync(app, key));
            Assert.Equal(HttpStatusCode.InternalServerError, await PhotosAsync(app, key));
        }

        // Repeats still left out when the app stops are counted then, not lost.
        Assert.Equal(2, Logged(logs, RequestFailed).Count);
        Assert.Equal(["2 more"], Logged(logs, RequestFailuresLeftOut).Skip(1).Select(e => e.Message[..6]));
    }

    private static List<CapturedLogs.Entry> Logged(CapturedLogs logs, int eventId) => [.. logs.Entries.Where(e => e.EventId.Id == eventId)];

    private static async Task<HttpStatusCode> PhotosAsync(TestApp app, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/photos/1FTEW1C52PFA86825");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await app.Client.SendAsync(request, Cancel);
        return response.StatusCode;
    }
}

/// <summary>Wraps a real service so that one of its members fails every time, as a broken backend would.</summary>
internal static class BrokenMember
{
    public static T Wrap<T>(T inner, string broken)
        where T : class
    {
        var proxy = DispatchProxy.Create<T, BrokenMember<T>>();
        ((BrokenMember<T>)(object)proxy).Break(inner, broken);
        return proxy;
    }
}

/// <summary>A real service behind its interface whose one member fails every time.</summary>
public class BrokenMember<T> : DispatchProxy
    where T : class
{
    private T? _inner;
    private string _broken = "";

    internal void Break(T inner, string broken) => (_inner, _broken) = (inner, broken);

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == _broken)
        {
            throw new InvalidOperationException($"{typeof(T).Name}.{_broken} is broken");
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }
}
