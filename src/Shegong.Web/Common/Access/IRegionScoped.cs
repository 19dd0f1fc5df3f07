namespace Shegong.Web.Common.Access;

/// <summary>
/// A row that belongs to one region. Declaring it is all a feature does: <c>ShegongDb</c> applies
/// the scope's query filter to every such entity in one loop, the write guard checks the region
/// before and after a change, and the audit records the change under that region.
/// </summary>
public interface IRegionScoped
{
    string RegionCode { get; }
}

/// <summary>
/// A child row with no region of its own that counts (a contract's evaluation, a session's
/// attendance, a worker's assignment): it is guarded and audited through its parent
/// <typeparamref name="TParent"/>, found by the foreign key to it.
/// </summary>
public interface IScopedThrough<TParent>
    where TParent : class;
