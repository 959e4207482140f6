using VehicleImages.Domain.Images;

namespace VehicleImages.Domain.Tests.Images;

public sealed class LicensesTests
{
    [Theory]
    [InlineData("Public", License.Public)]
    [InlineData("Share", License.Share)]
    [InlineData("ShareCommercially", License.ShareCommercially)]
    [InlineData("Modify", License.Modify)]
    [InlineData("ModifyCommercially", License.ModifyCommercially)]
    public void Reads_the_five_class_names(string text, License expected)
    {
        Assert.Equal(expected, Licenses.Classify(text));
    }

    [Theory]
    [InlineData("public", License.Public)]
    [InlineData("SHARECOMMERCIALLY", License.ShareCommercially)]
    [InlineData("  modifyCommercially  ", License.ModifyCommercially)]
    public void Class_names_ignore_case_and_surrounding_space(string text, License expected)
    {
        Assert.Equal(expected, Licenses.Classify(text));
    }

    [Theory]
    [InlineData("CC-BY-2.0", License.ModifyCommercially)]
    [InlineData("CC BY 4.0", License.ModifyCommercially)]
    [InlineData("CC-BY-SA-2.0", License.ModifyCommercially)]
    [InlineData("CC BY-SA 4.0", License.ModifyCommercially)]
    [InlineData("CC-BY-NC-2.0", License.Modify)]
    [InlineData("CC-BY-NC-SA-4.0", License.Modify)]
    [InlineData("CC-BY-ND", License.ShareCommercially)]
    [InlineData("CC BY-ND 4.0", License.ShareCommercially)]
    [InlineData("CC-BY-NC-ND", License.Share)]
    [InlineData("cc by-nc-nd 3.0", License.Share)]
    [InlineData("cc-by-nc4.0", License.Modify)]
    [InlineData("CC-BY-NC-SA-4.0 (Mathias Lux, LICENSE.txt)", License.Modify)]
    public void Reads_creative_commons_identifiers(string text, License expected)
    {
        Assert.Equal(expected, Licenses.Classify(text));
    }

    [Theory]
    [InlineData("CC0")]
    [InlineData("CC0-1.0")]
    [InlineData("cc0 1.0 universal")]
    [InlineData("Public Domain")]
    [InlineData("public domain mark 1.0")]
    [InlineData("PD")]
    public void Public_domain_dedications_are_public(string text)
    {
        Assert.Equal(License.Public, Licenses.Classify(text));
    }

    [Theory]
    [InlineData("no explicit licence; Stanford Cars research dataset")]
    [InlineData("GPL-2.0")]
    [InlineData("MIT")]
    [InlineData("All rights reserved")]
    [InlineData("Creative Commons")]
    [InlineData("CC")]
    [InlineData("Public, Share")]
    [InlineData("Public,Modify")]
    [InlineData("+3")]
    [InlineData("+5")]
    [InlineData("CC BY-NonCommercial")]
    [InlineData("CC-BY-NCSA")]
    [InlineData("cc-by-nc_nd")]
    public void Text_that_names_no_known_licence_gives_null(string text)
    {
        Assert.Null(Licenses.Classify(text));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("3")]
    [InlineData("5")]
    [InlineData("-1")]
    public void Numbers_are_not_read_as_class_values(string text)
    {
        Assert.Null(Licenses.Classify(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Null_or_blank_gives_null(string? text)
    {
        Assert.Null(Licenses.Classify(text));
    }
}
