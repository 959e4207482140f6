namespace VehicleImages.Imaging.Cutout;

/// <summary>The connected regions of a foreground mask (8-connected).</summary>
internal static class ForegroundRegions
{
    /// <summary>
    /// Turns regions smaller than minimum pixels into background (specks of noise the fill stepped around) and
    /// returns the sizes of the regions left.
    /// </summary>
    public static List<int> RemoveSpecks(byte[] mask, int width, int height, int minimum)
    {
        var components = RunComponents.Of(mask, width, height, eightConnected: true);
        var sizes = components.Sizes();
        foreach (var (y, start, end, component) in components.Runs)
        {
            if (sizes[component] < minimum)
            {
                Array.Clear(mask, (y * width) + start, end - start);
            }
        }

        return [.. sizes.Values.Where(size => size >= minimum).Order()];
    }
}
