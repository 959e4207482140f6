using VehicleImages.Domain.Vehicles;

namespace VehicleImages.Domain.Tests.Vehicles;

public sealed class ConfigurationIdTests
{
    private static readonly Guid _dnsNamespace = new("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
    private static readonly Guid _urlNamespace = new("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

    [Fact]
    public void NameBased_matches_the_python_reference_vector()
    {
        Assert.Equal(new Guid("886313e1-3b8a-5372-9b90-0c9aee199e5d"), ConfigurationId.NameBased(_dnsNamespace, "python.org"));
    }

    [Fact]
    public void NameBased_matches_the_rfc_9562_example()
    {
        Assert.Equal(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"), ConfigurationId.NameBased(_dnsNamespace, "www.example.com"));
    }

    [Fact]
    public void NameBased_hashes_the_name_as_utf8()
    {
        // Python: uuid.uuid5(uuid.NAMESPACE_URL, "Citroën").
        Assert.Equal(new Guid("334da08b-94b9-581f-aa81-acd4ec0fbfce"), ConfigurationId.NameBased(_urlNamespace, "Citroën"));
    }

    [Theory]
    [InlineData("python.org")]
    [InlineData("")]
    [InlineData("a much longer name with many words in it, to be sure")]
    public void NameBased_sets_version_5(string name)
    {
        var bytes = ConfigurationId.NameBased(_dnsNamespace, name).ToByteArray(bigEndian: true);

        Assert.Equal(0x50, bytes[6] & 0xF0);
    }

    [Theory]
    [InlineData("python.org")]
    [InlineData("")]
    [InlineData("a much longer name with many words in it, to be sure")]
    public void NameBased_sets_the_rfc_variant(string name)
    {
        var bytes = ConfigurationId.NameBased(_dnsNamespace, name).ToByteArray(bigEndian: true);

        Assert.Equal(0x80, bytes[8] & 0xC0);
    }

    [Fact]
    public void NameBased_differs_per_namespace()
    {
        Assert.NotEqual(ConfigurationId.NameBased(_dnsNamespace, "python.org"), ConfigurationId.NameBased(_urlNamespace, "python.org"));
    }

    [Fact]
    public void NameBased_is_case_sensitive()
    {
        Assert.NotEqual(ConfigurationId.NameBased(_dnsNamespace, "python.org"), ConfigurationId.NameBased(_dnsNamespace, "Python.org"));
    }

    [Fact]
    public void For_gives_ids_that_do_not_change_between_releases()
    {
        // Stored catalogs key on these IDs: a change here orphans every configuration already ingested.
        // Python: uuid.uuid5(UUID("5d0c6f3e-8a51-4d1b-9c7e-2f4a9b6e1c30"), "jaguar|fpace|rsport|suv|2016|2020").
        var configuration = new VehicleConfiguration("Jaguar", "F-PACE", "R-Sport", "SUV", new YearRange(2016, 2020));

        Assert.Equal(new Guid("afe5c76b-1ed2-5cda-97a0-d1f8609447ef"), ConfigurationId.For(configuration));
    }

    [Fact]
    public void NameBased_takes_a_name_too_long_for_the_stack()
    {
        var name = new string('x', 4_000_000);
        var id = ConfigurationId.NameBased(ConfigurationId.Namespace, name);
        Assert.Equal(id, ConfigurationId.NameBased(ConfigurationId.Namespace, name));
        Assert.NotEqual(id, ConfigurationId.NameBased(ConfigurationId.Namespace, name[1..]));
    }
}
