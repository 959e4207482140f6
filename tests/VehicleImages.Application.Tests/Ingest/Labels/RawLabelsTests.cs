using System.Reflection;
using VehicleImages.Application.Ingest.Labels;

namespace VehicleImages.Application.Tests.Ingest.Labels;

public sealed class RawLabelsTests
{
    private static readonly PropertyInfo[] Fields =
        [.. typeof(RawLabels).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(property => property.PropertyType == typeof(string))];

    [Fact]
    public void Defaults_fill_every_field_a_row_left_out()
    {
        var defaults = Every("default");

        Assert.NotEqual(RawLabels.None, defaults);
        Assert.Equal(defaults, RawLabels.None.WithDefaults(defaults));
    }

    [Fact]
    public void Defaults_fill_fields_a_row_left_blank()
    {
        var defaults = Every("default");

        Assert.Equal(defaults, Every(" ").WithDefaults(defaults));
    }

    [Fact]
    public void Defaults_never_replace_a_value_the_row_gave()
    {
        var row = Every("row");

        Assert.Equal(row, row.WithDefaults(Every("default")));
    }

    [Fact]
    public void Defaults_fill_only_the_blank_fields()
    {
        var row = new RawLabels { Make = "Jaguar", Year = "" };

        var filled = row.WithDefaults(new RawLabels { Make = "Ford", Model = "Focus", Year = "2019" });

        Assert.Equal(new RawLabels { Make = "Jaguar", Model = "Focus", Year = "2019" }, filled);
    }

    [Fact]
    public void No_defaults_leave_the_row_as_it_was()
    {
        var row = Every("row");

        Assert.Equal(row, row.WithDefaults(RawLabels.None));
    }

    [Fact]
    public void Null_defaults_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => RawLabels.None.WithDefaults(null!));
    }

    [Fact]
    public void None_has_no_labels()
    {
        Assert.All(Fields, field => Assert.Null(field.GetValue(RawLabels.None)));
    }

    /// <summary>Labels with every field set to its own value, so a field the code forgets shows up as a difference.</summary>
    private static RawLabels Every(string prefix)
    {
        var labels = new RawLabels();
        foreach (var field in Fields)
        {
            field.SetValue(labels, string.IsNullOrWhiteSpace(prefix) ? prefix : $"{prefix} {field.Name}");
        }

        return labels;
    }
}
