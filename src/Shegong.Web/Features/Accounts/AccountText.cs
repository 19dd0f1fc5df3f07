namespace Shegong.Web.Features.Accounts;

/// <summary>Marker for the accounts and audit texts (Resources/Features/Accounts/AccountText*.resx).</summary>
public sealed class AccountText;
