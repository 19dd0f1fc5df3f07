using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shegong.Web.Data;

namespace Shegong.Web.Features.Accounts;

/// <summary>
/// First start: creates <c>admin</c>, the province administrator, with <c>Bootstrap:AdminPassword</c>
/// or a random password printed once to the console.
/// </summary>
public static class AccountBootstrap
{
    public const string AdminUserName = "admin";

    /// <summary>Sichuan, when no region is loaded yet to say which province this is.</summary>
    public const string DefaultProvinceCode = "510000000000";

    public static async Task EnsureAdminAsync(IServiceProvider services, IConfiguration configuration, CancellationToken cancellationToken = default)
    {
        var db = services.GetRequiredService<ShegongDb>();
        if (await db.Users.IgnoreQueryFilters().AnyAsync(a => a.Role == AccountRole.ProvinceAdmin, cancellationToken))
        {
            return;
        }
        var province = await db.Regions.Where(r => r.ParentCode == null).OrderBy(r => r.Code).Select(r => r.Code)
            .FirstOrDefaultAsync(cancellationToken) ?? DefaultProvinceCode;
        var configured = configuration["Bootstrap:AdminPassword"];
        var password = string.IsNullOrEmpty(configured) ? RandomPassword() : configured;
        var admin = new Account { UserName = AdminUserName, DisplayName = "省级管理员", Role = AccountRole.ProvinceAdmin, RegionCode = province };
        var result = await services.GetRequiredService<UserManager<Account>>().CreateAsync(admin, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Cannot create the admin account: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
        if (string.IsNullOrEmpty(configured))
        {
            Console.WriteLine($"Created the administrator account '{AdminUserName}' with password {password} — it is shown only this once; change it after signing in.");
        }
    }

    /// <summary>16 characters that always meet the password policy.</summary>
    private static string RandomPassword() =>
        "Sg-" + RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789", 12) + "7a";
}
