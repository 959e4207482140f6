using VehicleImages.Application.Ingest;
using VehicleImages.Application.Ingest.Labels;
using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Vehicles;

namespace VehicleImages.Application.Tests.Ingest.Labels;

public sealed class LabelResolverTests
{
    private static readonly RawLabels Jaguar = new() { Make = "Jaguar", Model = "F-PACE" };

    [Fact]
    public void Make_and_model_alone_are_enough()
    {
        var labels = Resolve(Jaguar);

        Assert.Equal("Jaguar", labels.Configuration.Make);
        Assert.Equal("F-PACE", labels.Configuration.Model);
    }

    [Fact]
    public void Labels_that_are_not_given_stay_unknown()
    {
        var labels = Resolve(Jaguar);

        Assert.Equal(new ImageLabels(new VehicleConfiguration("Jaguar", "F-PACE", null, null, null)), labels);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_make_is_rejected(string? make)
    {
        var rejection = Reject(Jaguar with { Make = make });

        Assert.Equal("missing_make", rejection.Reason);
    }

    [Fact]
    public void The_missing_make_message_names_the_command_line_flag()
    {
        var rejection = Reject(Jaguar with { Make = null });

        Assert.Contains("--make", rejection.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_model_is_rejected(string? model)
    {
        var rejection = Reject(Jaguar with { Model = model });

        Assert.Equal("missing_model", rejection.Reason);
    }

    [Fact]
    public void The_missing_model_message_names_the_command_line_flag()
    {
        var rejection = Reject(Jaguar with { Model = null });

        Assert.Contains("--model", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_missing_both_make_and_model_is_rejected_for_the_make()
    {
        var rejection = Reject(RawLabels.None);

        Assert.Equal("missing_make", rejection.Reason);
    }

    [Fact]
    public void Defaults_supply_a_missing_make_and_model()
    {
        var row = new RawLabels { Year = "2019" };

        var labels = Resolve(row.WithDefaults(new RawLabels { Make = "Jaguar", Model = "F-PACE" }));

        Assert.Equal(new VehicleConfiguration("Jaguar", "F-PACE", null, null, YearRange.OneYear(2019)), labels.Configuration);
    }

    [Fact]
    public void Trim_and_body_become_part_of_the_configuration()
    {
        var labels = Resolve(Jaguar with { Trim = " R-Sport ", Body = "SUV" });

        Assert.Equal("R-Sport", labels.Configuration.Trim);
        Assert.Equal("SUV", labels.Configuration.Body);
    }

    [Theory]
    [InlineData("2019", 2019, 2019)]
    [InlineData("2006-2014", 2006, 2014)]
    [InlineData(" 2016 – 2020 ", 2016, 2020)]
    public void A_year_or_range_of_years_is_read(string year, int from, int to)
    {
        var labels = Resolve(Jaguar with { Year = year });

        Assert.Equal(new YearRange(from, to), labels.Configuration.Years);
    }

    [Theory]
    [InlineData("19")]
    [InlineData("next year")]
    [InlineData("2014-2006")]
    [InlineData("1066")]
    [InlineData("2019.5")]
    public void An_invalid_year_is_rejected(string year)
    {
        var rejection = Reject(Jaguar with { Year = year });

        Assert.Equal("invalid_year", rejection.Reason);
        Assert.Contains(year, rejection.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("front", View.Front)]
    [InlineData("Front Three-Quarter", View.FrontThreeQuarter)]
    [InlineData("rear_left", View.RearLeft)]
    [InlineData("side", View.Side)]
    [InlineData("interior", View.Interior)]
    public void A_view_is_read(string view, View expected)
    {
        Assert.Equal(expected, Resolve(Jaguar with { View = view }).View);
    }

    [Theory]
    [InlineData("front_left", View.FrontLeft)]
    [InlineData("front_right", View.FrontRight)]
    [InlineData("back_left", View.RearLeft)]
    [InlineData("back_right", View.RearRight)]
    [InlineData("back", View.Rear)]
    [InlineData("inside_1", View.Interior)]
    [InlineData("inside_2", View.Interior2)]
    [InlineData("inside_3", View.Interior3)]
    public void Carsxe_angles_map_to_views(string angle, View expected)
    {
        Assert.Equal(expected, Resolve(Jaguar with { View = angle }).View);
    }

    [Theory]
    [InlineData("upside down")]
    [InlineData("9")]
    [InlineData("frontal")]
    public void An_invalid_view_is_rejected(string view)
    {
        var rejection = Reject(Jaguar with { View = view });

        Assert.Equal("invalid_view", rejection.Reason);
        Assert.Contains(view, rejection.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("interior", PhotoType.Interior)]
    [InlineData("inside_2", PhotoType.Interior)]
    [InlineData("engine", PhotoType.Engine)]
    [InlineData("rear", PhotoType.Exterior)]
    public void The_photo_type_follows_from_the_view_when_not_given(string view, PhotoType expected)
    {
        Assert.Equal(expected, Resolve(Jaguar with { View = view }).PhotoType);
    }

    [Theory]
    [InlineData("exterior", PhotoType.Exterior)]
    [InlineData("Interior", PhotoType.Interior)]
    [InlineData(" ENGINE ", PhotoType.Engine)]
    public void A_photo_type_is_read_without_a_view(string photoType, PhotoType expected)
    {
        var labels = Resolve(Jaguar with { PhotoType = photoType });

        Assert.Equal(expected, labels.PhotoType);
        Assert.Equal(View.Unknown, labels.View);
    }

    [Fact]
    public void A_photo_type_that_agrees_with_the_view_is_accepted()
    {
        var labels = Resolve(Jaguar with { View = "inside_1", PhotoType = "interior" });

        Assert.Equal(View.Interior, labels.View);
        Assert.Equal(PhotoType.Interior, labels.PhotoType);
    }

    [Theory]
    [InlineData("cabin")]
    [InlineData("1")]
    [InlineData("-1")]
    [InlineData("7")]
    [InlineData("Exterior, Interior")]
    [InlineData("+1")]
    public void An_invalid_photo_type_is_rejected(string photoType)
    {
        var rejection = Reject(Jaguar with { PhotoType = photoType });

        Assert.Equal("invalid_photo_type", rejection.Reason);
        Assert.Contains(photoType, rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blank_photo_type_is_not_given()
    {
        Assert.Equal(PhotoType.Interior, Resolve(Jaguar with { View = "interior", PhotoType = " " }).PhotoType);
    }

    [Theory]
    [InlineData("interior", "exterior")]
    [InlineData("front_left", "interior")]
    [InlineData("engine", "interior")]
    public void A_photo_type_that_contradicts_the_view_is_rejected(string view, string photoType)
    {
        var rejection = Reject(Jaguar with { View = view, PhotoType = photoType });

        Assert.Equal("invalid_photo_type", rejection.Reason);
        Assert.Contains("contradicts", rejection.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("12", 12)]
    public void A_sequence_is_read(string sequence, int expected)
    {
        Assert.Equal(expected, Resolve(Jaguar with { Sequence = sequence }).Sequence);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("x")]
    [InlineData("+3")]
    [InlineData("99999999999")]
    public void An_invalid_sequence_is_rejected(string sequence)
    {
        var rejection = Reject(Jaguar with { Sequence = sequence });

        Assert.Equal("invalid_sequence", rejection.Reason);
        Assert.Contains(sequence, rejection.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-05-17")]
    [InlineData("2024-05-17T09:30:00Z")]
    [InlineData("2024-05-17T09:30:00")]
    [InlineData("2024-05-17T09:30:00.123+00:00")]
    [InlineData("2024-05-17T23:30:00-02:00")]
    [InlineData("2024-05-17T01:30:00+05:00")]
    public void An_iso_8601_date_is_read(string date)
    {
        Assert.Equal(new DateOnly(2024, 5, 17), Resolve(Jaguar with { DatePublished = date }).DatePublished);
    }

    [Theory]
    [InlineData("17/05/2024")]
    [InlineData("05/17/2024")]
    [InlineData("2024-02-30")]
    [InlineData("May 2024")]
    [InlineData("yesterday")]
    public void An_invalid_date_is_rejected(string date)
    {
        var rejection = Reject(Jaguar with { DatePublished = date });

        Assert.Equal("invalid_date", rejection.Reason);
        Assert.Contains(date, rejection.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Glacier White", GenericColour.White)]
    [InlineData("Santorini Black", GenericColour.Black)]
    [InlineData("red", GenericColour.Red)]
    public void A_colour_name_maps_to_a_generic_colour(string name, GenericColour expected)
    {
        Assert.Equal(expected, Resolve(Jaguar with { Colour = name }).Colour);
    }

    [Fact]
    public void The_oem_colour_name_is_kept()
    {
        Assert.Equal("Glacier White", Resolve(Jaguar with { Colour = " Glacier White " }).ColourName);
    }

    [Fact]
    public void A_colour_name_that_names_no_generic_colour_is_kept_without_one()
    {
        var labels = Resolve(Jaguar with { Colour = "Firenze" });

        Assert.Equal("Firenze", labels.ColourName);
        Assert.Null(labels.Colour);
    }

    [Theory]
    [InlineData("stock", ImageSource.Stock)]
    [InlineData("retail", ImageSource.Retail)]
    [InlineData("Wholesale", ImageSource.Wholesale)]
    [InlineData(" PRESS ", ImageSource.Press)]
    public void A_source_class_becomes_the_source(string text, ImageSource expected)
    {
        var labels = Resolve(Jaguar with { Source = text });

        Assert.Equal(expected, labels.Source);
        Assert.Null(labels.Provenance);
    }

    [Theory]
    [InlineData("github:foo/bar")]
    [InlineData("Stanford Cars dataset")]
    [InlineData("1")]
    [InlineData("-2")]
    [InlineData("Retail, Wholesale")]
    [InlineData("retail,press")]
    public void Free_source_text_becomes_provenance_from_stock(string text)
    {
        var labels = Resolve(Jaguar with { Source = text });

        Assert.Equal(ImageSource.Stock, labels.Source);
        Assert.Equal(text, labels.Provenance);
    }

    [Fact]
    public void No_source_means_stock_with_no_provenance()
    {
        var labels = Resolve(Jaguar);

        Assert.Equal(ImageSource.Stock, labels.Source);
        Assert.Null(labels.Provenance);
    }

    [Theory]
    [InlineData("Public", License.Public)]
    [InlineData("sharecommercially", License.ShareCommercially)]
    [InlineData("ModifyCommercially", License.ModifyCommercially)]
    public void A_licence_class_name_maps_with_no_note(string text, License expected)
    {
        var labels = Resolve(Jaguar with { License = text });

        Assert.Equal(expected, labels.License);
        Assert.Null(labels.LicenseNote);
    }

    [Theory]
    [InlineData("CC-BY-2.0", License.ModifyCommercially)]
    [InlineData("CC BY-NC-ND 4.0", License.Share)]
    [InlineData("CC0", License.Public)]
    public void A_licence_identifier_maps_and_keeps_its_text_as_the_note(string text, License expected)
    {
        var labels = Resolve(Jaguar with { License = text });

        Assert.Equal(expected, labels.License);
        Assert.Equal(text, labels.LicenseNote);
    }

    [Theory]
    [InlineData("no explicit licence; research dataset")]
    [InlineData("All rights reserved")]
    [InlineData("Public, Share")]
    [InlineData("3")]
    public void Free_licence_text_maps_to_no_licence_and_is_kept_as_the_note(string text)
    {
        var labels = Resolve(Jaguar with { License = text });

        Assert.Null(labels.License);
        Assert.Equal(text, labels.LicenseNote);
    }

    [Fact]
    public void The_vin_is_upper_cased()
    {
        Assert.Equal("SADCM2FV6KA360455", Resolve(Jaguar with { Vin = " sadcm2fv6ka360455 " }).Vin);
    }

    [Fact]
    public void The_registration_is_upper_cased_without_spaces()
    {
        Assert.Equal("AB12CDE", Resolve(Jaguar with { Registration = "ab12 cde" }).Registration);
    }

    [Fact]
    public void Attribution_and_context_link_are_kept_trimmed()
    {
        var labels = Resolve(Jaguar with { Attribution = " Jane Doe ", ContextLink = " https://example.com/listing/1 " });

        Assert.Equal("Jane Doe", labels.Attribution);
        Assert.Equal("https://example.com/listing/1", labels.ContextLink);
    }

    [Fact]
    public void Spelling_variants_of_a_model_resolve_to_the_same_configuration()
    {
        var upper = Resolve(Jaguar with { Model = "F-PACE" });
        var spaced = Resolve(Jaguar with { Model = "f pace" });

        Assert.Equal(upper.Configuration.Id, spaced.Configuration.Id);
    }

    [Fact]
    public void Different_models_resolve_to_different_configurations()
    {
        var fPace = Resolve(Jaguar with { Model = "F-PACE" });
        var ePace = Resolve(Jaguar with { Model = "E-PACE" });

        Assert.NotEqual(fPace.Configuration.Id, ePace.Configuration.Id);
    }

    [Fact]
    public void Null_labels_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => LabelResolver.TryResolve(null!, out _, out _));
    }

    private static ImageLabels Resolve(RawLabels raw)
    {
        var resolved = LabelResolver.TryResolve(raw, out var labels, out var rejection);
        Assert.True(resolved, rejection?.Message);
        return labels;
    }

    private static IngestRejection Reject(RawLabels raw)
    {
        var resolved = LabelResolver.TryResolve(raw, out _, out var rejection);
        Assert.False(resolved, "the labels were accepted");
        return rejection;
    }

    [Fact]
    public void A_sequence_with_surrounding_space_is_read()
    {
        Assert.Equal(3, Resolve(Jaguar with { Sequence = " 3 " }).Sequence);
    }
}
