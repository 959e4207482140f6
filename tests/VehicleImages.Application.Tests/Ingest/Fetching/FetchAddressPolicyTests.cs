using System.Net;
using VehicleImages.Application.Ingest.Fetching;

namespace VehicleImages.Application.Tests.Ingest.Fetching;

public sealed class FetchAddressPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.255.255.254", "loopback")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("100.64.0.1", "shared (CGNAT)")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("255.255.255.255", "reserved")]
    [InlineData("::1", "loopback")]
    [InlineData("::", "unspecified")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("::ffff:10.0.0.1", "private")]
    [InlineData("::127.0.0.1", "loopback")]
    [InlineData("64:ff9b::a9fe:a9fe", "link-local")]
    [InlineData("2002:7f00:1::1", "loopback")]
    [InlineData("fd00::1", "private")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("ff02::1", "multicast")]
    public void Addresses_that_are_not_public_are_refused_with_their_kind(string address, string kind)
    {
        Assert.Equal(kind, FetchAddressPolicy.PublicOnly.Refusal(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:4700::6810:84e5")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("2002:0808:0808::1")]
    public void Public_addresses_are_allowed(string address)
    {
        Assert.Null(FetchAddressPolicy.PublicOnly.Refusal(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("2130706433")]
    [InlineData("0x7f000001")]
    [InlineData("0177.0.0.1")]
    [InlineData("0x7f.0.0.1")]
    [InlineData("127.1")]
    public void Every_spelling_of_loopback_is_judged_by_the_address_it_means(string spelling)
    {
        Assert.True(IPAddress.TryParse(spelling, out var address), spelling);
        Assert.Equal("loopback", FetchAddressPolicy.PublicOnly.Refusal(address!));
    }

    [Fact]
    public void The_allow_list_lets_named_hosts_addresses_and_networks_through_and_nothing_else()
    {
        var policy = new FetchAddressPolicy(["images.internal", "10.20.0.0/16", "192.168.1.5", " "]);

        Assert.True(policy.AllowsHost("IMAGES.internal."));
        Assert.False(policy.AllowsHost("other.internal"));
        Assert.Null(policy.Refusal(IPAddress.Parse("10.20.3.4")));
        Assert.Null(policy.Refusal(IPAddress.Parse("192.168.1.5")));
        Assert.Equal("private", policy.Refusal(IPAddress.Parse("10.21.0.1")));
        Assert.Equal("private", policy.Refusal(IPAddress.Parse("192.168.1.6")));
        Assert.Equal("loopback", policy.Refusal(IPAddress.Parse("127.0.0.1")));
    }
}
