namespace NewsArchive.Core.Storage;

public sealed class Outlet
{
    public int Id { get; set; }

    /// <summary>Canonical name, as the parser's outlet table gives it (or as written for an outlet outside the table).</summary>
    public required string Name { get; set; }

    /// <summary>URL form of the name: "Press TV" is "press-tv".</summary>
    public required string Slug { get; set; }
}
