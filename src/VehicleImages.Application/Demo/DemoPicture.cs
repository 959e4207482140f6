using VehicleImages.Domain.Images;

namespace VehicleImages.Application.Demo;

/// <summary>One picture of the demo library: which vehicle, colour and view, and whether it is a transparent cut-out.</summary>
internal sealed record DemoPicture(DemoVehicle Vehicle, DemoColour Colour, View View, bool Transparent)
{
    /// <summary>Opaque studio shots are JPEG, as photos are; cut-outs are PNG, which keeps the alpha.</summary>
    public ImageFormat Format => Transparent ? ImageFormat.Png : ImageFormat.Jpeg;

    public string FileName =>
        $"{Slug(Vehicle.Make)}-{Slug(Vehicle.Model)}-{Slug(Vehicle.Year)}-{Slug(Colour.Name)}-{Slug(ViewNames.Name(View))}{(Transparent ? "-transparent" : "")}{Format.Extension()}";

    private static string Slug(string text) =>
        string.Concat(text.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')).Trim('-');
}
