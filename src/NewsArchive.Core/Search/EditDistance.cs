namespace NewsArchive.Core.Search;

/// <summary>
/// Damerau-Levenshtein distance in its optimal-string-alignment form: inserting, deleting or replacing a letter, or
/// swapping two neighbours, costs one. Only small distances matter to spelling, so it gives up past a bound.
/// </summary>
public static class EditDistance
{
    /// <summary>The distance, or <paramref name="max"/> + 1 when it is larger than <paramref name="max"/>.</summary>
    public static int Between(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        // Three rows of the matrix: two back for swaps, the previous one, the current one.
        var width = b.Length + 1;
        Span<int> rows = width <= 128 ? stackalloc int[3 * width] : new int[3 * width];
        var beforePrevious = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows[(2 * width)..];
        for (var j = 0; j < width; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = i;
            for (var j = 1; j < width; j++)
            {
                var distance = Math.Min(Math.Min(previous[j], current[j - 1]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    distance = Math.Min(distance, beforePrevious[j - 2] + 1);
                }

                current[j] = distance;
                rowMinimum = Math.Min(rowMinimum, distance);
            }

            // Every later cell costs at least this row's smallest: past the bound, stop.
            if (rowMinimum > max)
            {
                return max + 1;
            }

            var recycled = beforePrevious;
            beforePrevious = previous;
            previous = current;
            current = recycled;
        }

        return Math.Min(previous[b.Length], max + 1);
    }
}
