namespace NewsArchive.Core.Entities;

/// <summary>An entity an article mentions: its kind, the name the archive shows, and how many times it is named.</summary>
public sealed record FoundEntity(EntityKind Kind, string Name, int Mentions);
