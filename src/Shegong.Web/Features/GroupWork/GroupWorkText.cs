namespace Shegong.Web.Features.GroupWork;

/// <summary>Marker for the group work and activity pages' texts: Resources/Features/GroupWork/GroupWorkText(.en).resx.</summary>
public sealed class GroupWorkText;
