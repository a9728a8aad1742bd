using ZonePolicy.Types;

namespace ZonePolicy.Topology;

/// <summary>A reference read before the id it names: resolved once the whole file has been read.</summary>
internal readonly record struct PendingReference(string Id, EntityKind Target, ReferenceTarget At);

/// <summary>Where a resolved reference goes: a row's attribute, or an element of a list of references.</summary>
internal readonly record struct ReferenceTarget(RowTable? Table, int Row, int Slot, Entity?[]? List, int Index)
{
    public void Store(EntityTable target, int ordinal)
    {
        if (List is not null)
        {
            List[Index] = target[ordinal];
        }
        else
        {
            Table!.SetOrdinal(Slot, Row, ordinal);
        }
    }
}
