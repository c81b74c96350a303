namespace NewsArchive.Core.Entities;

/// <summary>What an entity is. The numbers are stored in the Entities table: never renumber them.</summary>
public enum EntityKind
{
    Person = 1,
    Place = 2,
    Organisation = 3,
}
