using System.Collections.Frozen;

namespace VehicleImages.Domain.Vins;

/// <summary>
/// The makes behind common world manufacturer identifiers, for when the vPIC database is not installed: enough
/// to label the make of most cars on North American and European roads, nothing more.
/// </summary>
public static class KnownWmis
{
    private static readonly FrozenDictionary<string, string> Makes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["1FA"] = "Ford", ["1FB"] = "Ford", ["1FC"] = "Ford", ["1FD"] = "Ford", ["1FM"] = "Ford", ["1FT"] = "Ford",
        ["2FA"] = "Ford", ["2FM"] = "Ford", ["2FT"] = "Ford", ["3FA"] = "Ford", ["3FT"] = "Ford", ["WF0"] = "Ford",
        ["1G1"] = "Chevrolet", ["1GC"] = "Chevrolet", ["1GN"] = "Chevrolet", ["2G1"] = "Chevrolet", ["3G1"] = "Chevrolet", ["3GN"] = "Chevrolet",
        ["1G4"] = "Buick", ["1G6"] = "Cadillac", ["1GY"] = "Cadillac", ["1GT"] = "GMC", ["1GK"] = "GMC", ["3GT"] = "GMC",
        ["1HG"] = "Honda", ["2HG"] = "Honda", ["2HK"] = "Honda", ["3HG"] = "Honda", ["5FN"] = "Honda", ["5J6"] = "Honda", ["JHM"] = "Honda",
        ["19U"] = "Acura", ["JH4"] = "Acura",
        ["1N4"] = "Nissan", ["1N6"] = "Nissan", ["5N1"] = "Nissan", ["JN1"] = "Nissan", ["JN8"] = "Nissan",
        ["2T1"] = "Toyota", ["4T1"] = "Toyota", ["4T3"] = "Toyota", ["5TD"] = "Toyota", ["5TF"] = "Toyota", ["JTD"] = "Toyota", ["JTE"] = "Toyota", ["JT2"] = "Toyota",
        ["2T2"] = "Lexus", ["JTH"] = "Lexus", ["JTJ"] = "Lexus",
        ["1VW"] = "Volkswagen", ["3VW"] = "Volkswagen", ["WVW"] = "Volkswagen", ["WVG"] = "Volkswagen",
        ["4S3"] = "Subaru", ["4S4"] = "Subaru", ["JF1"] = "Subaru", ["JF2"] = "Subaru",
        ["1YV"] = "Mazda", ["JM1"] = "Mazda", ["JM3"] = "Mazda",
        ["5NP"] = "Hyundai", ["KMH"] = "Hyundai", ["KNA"] = "Kia", ["KND"] = "Kia", ["5XY"] = "Kia",
        ["5YJ"] = "Tesla", ["7SA"] = "Tesla", ["LRW"] = "Tesla",
        ["5UX"] = "BMW", ["WBA"] = "BMW", ["WBS"] = "BMW", ["WBY"] = "BMW", ["WMW"] = "MINI",
        ["WDB"] = "Mercedes-Benz", ["WDC"] = "Mercedes-Benz", ["WDD"] = "Mercedes-Benz", ["W1K"] = "Mercedes-Benz", ["W1N"] = "Mercedes-Benz", ["4JG"] = "Mercedes-Benz",
        ["WAU"] = "Audi", ["WA1"] = "Audi", ["TRU"] = "Audi", ["WP0"] = "Porsche", ["WP1"] = "Porsche",
        ["SAJ"] = "Jaguar", ["SAD"] = "Jaguar", ["SAL"] = "Land Rover", ["SCF"] = "Aston Martin", ["SCC"] = "Lotus",
        ["YV1"] = "Volvo", ["YV4"] = "Volvo", ["JA3"] = "Mitsubishi", ["JA4"] = "Mitsubishi",
        ["VF1"] = "Renault", ["VF3"] = "Peugeot", ["VF7"] = "Citroën", ["ZAR"] = "Alfa Romeo", ["ZFA"] = "Fiat",
        ["ZFF"] = "Ferrari", ["ZHW"] = "Lamborghini", ["ZAM"] = "Maserati", ["1C4"] = "Jeep", ["1J4"] = "Jeep",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string? MakeOf(Vin vin)
    {
        ArgumentNullException.ThrowIfNull(vin);
        return Makes.GetValueOrDefault(vin.Wmi);
    }
}
