using System.Net;
using VehicleImages.Domain.Keys;

namespace VehicleImages.Api.Tests.Access;

/// <summary>With keys turned off (a server only a gateway can reach), the image APIs are open and unmetered; key endpoints are not.</summary>
public sealed class OpenAccessTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_image_apis_answer_without_a_key_but_usage_and_admin_still_need_one()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Access:RequireKeys"] = "false" });

        foreach (var family in Enum.GetValues<ApiFamily>())
        {
            var response = await app.Client.SendAsync(FamilyCalls.Request(family, key: null), Cancel);
            Assert.True(response.IsSuccessStatusCode, $"{family}: {response.StatusCode}");
            Assert.False(response.Headers.Contains("X-RateLimit-Remaining"));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client.GetAsync("/v1/usage", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client.GetAsync("/v1/admin/keys", Cancel)).StatusCode);
    }
}
