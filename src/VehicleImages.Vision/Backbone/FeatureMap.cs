namespace VehicleImages.Vision.Backbone;

/// <summary>
/// The backbone's last feature map for one image: <see cref="Channels"/> × <see cref="Size"/> × <see cref="Size"/>
/// activations, each cell seeing about a 32-pixel square of the 224-pixel input.
/// </summary>
public sealed class FeatureMap
{
    public const int Channels = 512;
    public const int Size = 7;

    // The odd middle row and column go with the far halves.
    private const int Half = Size / 2;

    private readonly float[] _values;

    public FeatureMap(float[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != Channels * Size * Size)
        {
            throw new ArgumentException($"{values.Length} values do not make a {Channels}×{Size}×{Size} map.", nameof(values));
        }

        _values = values;
    }

    public float this[int channel, int row, int column] => _values[(((channel * Size) + row) * Size) + column];

    /// <summary>The mean over the whole frame: what the image shows, wherever it is.</summary>
    public float[] Pooled()
    {
        var pooled = new float[Channels];
        for (var channel = 0; channel < Channels; channel++)
        {
            var sum = 0f;
            var offset = channel * Size * Size;
            for (var i = 0; i < Size * Size; i++)
            {
                sum += _values[offset + i];
            }

            pooled[channel] = sum / (Size * Size);
        }

        return pooled;
    }

    /// <summary>
    /// The mean of each column of cells, left to right: which way the car faces shows in what sits at which end
    /// of the frame, which the whole-frame mean cannot tell apart from its mirror image.
    /// </summary>
    public float[] Columns()
    {
        var columns = new float[Channels * Size];
        for (var channel = 0; channel < Channels; channel++)
        {
            for (var column = 0; column < Size; column++)
            {
                var sum = 0f;
                for (var row = 0; row < Size; row++)
                {
                    sum += this[channel, row, column];
                }

                columns[(column * Channels) + channel] = sum / Size;
            }
        }

        return columns;
    }

    /// <summary>
    /// What the content head reads: the whole-frame mean and the mean of each quarter. A part on a bench and the
    /// same part on a car differ in what surrounds them, which a whole-frame mean blurs.
    /// </summary>
    public float[] ContentFeatures()
    {
        var quadrants = new float[Channels * 4];
        for (var channel = 0; channel < Channels; channel++)
        {
            for (var row = 0; row < Size; row++)
            {
                for (var column = 0; column < Size; column++)
                {
                    var quadrant = ((row < Half ? 0 : 1) * 2) + (column < Half ? 0 : 1);
                    quadrants[(quadrant * Channels) + channel] += this[channel, row, column];
                }
            }
        }

        for (var quadrant = 0; quadrant < 4; quadrant++)
        {
            var rows = quadrant < 2 ? Half : Size - Half;
            var columns = quadrant % 2 == 0 ? Half : Size - Half;
            for (var channel = 0; channel < Channels; channel++)
            {
                quadrants[(quadrant * Channels) + channel] /= rows * columns;
            }
        }

        return [.. Pooled(), .. quadrants];
    }

    /// <summary>The activations of one cell, channel by channel.</summary>
    public float[] Cell(int row, int column)
    {
        var cell = new float[Channels];
        for (var channel = 0; channel < Channels; channel++)
        {
            cell[channel] = this[channel, row, column];
        }

        return cell;
    }
}
