using System.Globalization;
using VehicleImages.Domain.Text;

namespace VehicleImages.Domain.Vehicles;

/// <summary>A make, model, trim and body over a range of model years: what a set of images depicts.</summary>
public sealed record VehicleConfiguration
{
    public VehicleConfiguration(string make, string model, string? trim, string? body, YearRange? years)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(make);
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        Make = make.Trim();
        Model = model.Trim();
        Trim = string.IsNullOrWhiteSpace(trim) ? null : trim.Trim();
        Body = string.IsNullOrWhiteSpace(body) ? null : body.Trim();
        Years = years;
        Id = ConfigurationId.For(this);
    }

    public Guid Id { get; }

    public string Make { get; }

    public string Model { get; }

    public string? Trim { get; }

    public string? Body { get; }

    /// <summary>Null when the source did not say which years the images show.</summary>
    public YearRange? Years { get; }

    /// <summary>The fields the ID is made of, folded so that spelling variants give the same ID.</summary>
    internal string IdentityName => string.Join('|',
        MatchKey.Of(Make),
        MatchKey.Of(Model),
        MatchKey.Of(Trim),
        MatchKey.Of(Body),
        Years?.From.ToString(CultureInfo.InvariantCulture) ?? "",
        Years?.To.ToString(CultureInfo.InvariantCulture) ?? "");
}
