using System.Globalization;
using System.Text;

namespace NewsArchive.Core.Storage;

/// <summary>URL names: "Agence France-Presse" is "agence-france-presse", "Al-Manar" is "al-manar".</summary>
public static class Slugs
{
    public static string From(string name)
    {
        var slug = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString().Trim('-');
        return text.Length > 0 ? text : "outlet";
    }

    /// <summary>The slug itself, or with "-2", "-3"… when another outlet already has it.</summary>
    public static string Unique(string slug, Func<string, bool> taken)
    {
        var candidate = slug;
        for (var n = 2; taken(candidate); n++)
        {
            candidate = $"{slug}-{n}";
        }

        return candidate;
    }
}
