namespace VehicleImages.Imaging.Cutout;

/// <summary>Solves the small normal equations of a least-squares fit.</summary>
internal static class LinearSystem
{
    // A touch of ridge regularisation keeps terms the samples cannot determine (a border mostly hidden by the car)
    // near zero instead of wild; it is far too small to move a well-determined fit.
    private const double Ridge = 1e-6;

    /// <summary>Solves A·x = b for each row of b (one right-hand side a row); null when A is singular.</summary>
    public static double[,]? Solve(double[,] matrix, double[,] right)
    {
        var n = matrix.GetLength(0);
        var count = right.GetLength(0);
        var a = new double[n, n + count];
        var scale = 0.0;
        for (var i = 0; i < n; i++)
        {
            scale = Math.Max(scale, matrix[i, i]);
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                a[i, j] = matrix[i, j] + (i == j && i > 0 ? Ridge * scale : 0);
            }

            for (var k = 0; k < count; k++)
            {
                a[i, n + k] = right[k, i];
            }
        }

        for (var column = 0; column < n; column++)
        {
            var pivot = column;
            for (var row = column + 1; row < n; row++)
            {
                if (Math.Abs(a[row, column]) > Math.Abs(a[pivot, column]))
                {
                    pivot = row;
                }
            }

            if (Math.Abs(a[pivot, column]) < 1e-12 * Math.Max(1, scale))
            {
                return null;
            }

            for (var j = 0; j < n + count; j++)
            {
                (a[column, j], a[pivot, j]) = (a[pivot, j], a[column, j]);
            }

            for (var row = 0; row < n; row++)
            {
                if (row == column)
                {
                    continue;
                }

                var factor = a[row, column] / a[column, column];
                for (var j = column; j < n + count; j++)
                {
                    a[row, j] -= factor * a[column, j];
                }
            }
        }

        var solution = new double[count, n];
        for (var k = 0; k < count; k++)
        {
            for (var i = 0; i < n; i++)
            {
                solution[k, i] = a[i, n + k] / a[i, i];
            }
        }

        return solution;
    }
}
