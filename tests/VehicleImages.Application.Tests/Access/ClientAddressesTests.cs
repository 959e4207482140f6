using System.Net;
using VehicleImages.Application.Access;

namespace VehicleImages.Application.Tests.Access;

public sealed class ClientAddressesTests
{
    [Theory]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2:ffff:ffff:1234:5678")]
    [InlineData("203.0.113.7", "::ffff:203.0.113.7")]
    public void Addresses_of_one_client_count_as_one(string one, string other) =>
        Assert.Equal(ClientAddresses.ClientOf(IPAddress.Parse(one)), ClientAddresses.ClientOf(IPAddress.Parse(other)));

    [Theory]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:3::1")]
    [InlineData("203.0.113.7", "203.0.113.8")]
    public void Addresses_of_different_clients_count_apart(string one, string other) =>
        Assert.NotEqual(ClientAddresses.ClientOf(IPAddress.Parse(one)), ClientAddresses.ClientOf(IPAddress.Parse(other)));
}
