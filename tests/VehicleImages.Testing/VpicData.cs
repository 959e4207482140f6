namespace VehicleImages.Testing;

/// <summary>
/// The vPIC database the test command installs once into .tools/vpic (`vehicle-images vin setup --into .tools/vpic`).
/// Tests that decode from it fail with the fix when it is missing, rather than skip: CI must run them.
/// </summary>
public static class VpicData
{
    public static string Directory => Path.Combine(RepositoryRoot.Path, ".tools", "vpic");

    public static string DatabasePath => Path.Combine(Directory, "vpic.lite.db");

    public static string Require() => File.Exists(DatabasePath)
        ? DatabasePath
        : throw new InvalidOperationException($"The vPIC database is not installed at {DatabasePath}: run scripts/test, or `./vehicle-images vin setup --into .tools/vpic`.");
}
