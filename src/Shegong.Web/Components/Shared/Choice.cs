namespace Shegong.Web.Components.Shared;

/// <summary>An option of an Ant Design Select: a value and the text shown for it.</summary>
public sealed record Choice<T>(T Value, string Label);
