using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Shegong.Web.Features.Accounts;

/// <summary>
/// Lockout per account <em>and client address</em>: five wrong passwords from one address lock that
/// account for 15 minutes from that address only, so an attacker cannot keep <c>admin</c> locked out
/// from everywhere. The per-address rate limit (<see cref="SignInLimits"/>) is the brake on guessing.
/// A password reset (a new security stamp) lifts the lock. Kept in memory per instance: a restart or
/// another instance starts counting afresh, which the rate limit bounds.
/// </summary>
public sealed class SignInLockout(IMemoryCache cache, TimeProvider clock, IOptions<IdentityOptions> identity)
{
    private sealed class Failures
    {
        public int Count;
        public DateTimeOffset LockedUntil;
        public string? Stamp;
    }

    public bool IsLockedOut(Account account, string? ipAddress) =>
        cache.TryGetValue(Key(account, ipAddress), out Failures? failures) && failures is not null
        && failures.Stamp == account.SecurityStamp && failures.LockedUntil > clock.GetUtcNow();

    /// <summary>Counts a wrong password; answers whether it locked the account for this address.</summary>
    public bool RecordFailure(Account account, string? ipAddress)
    {
        var lockout = identity.Value.Lockout;
        var failures = cache.GetOrCreate(Key(account, ipAddress), entry =>
        {
            entry.SlidingExpiration = lockout.DefaultLockoutTimeSpan;
            return new Failures();
        })!;
        lock (failures)
        {
            if (failures.Stamp != account.SecurityStamp)
            {
                failures.Count = 0;
                failures.Stamp = account.SecurityStamp;
            }
            if (++failures.Count < lockout.MaxFailedAccessAttempts)
            {
                return false;
            }
            failures.Count = 0;
            failures.LockedUntil = clock.GetUtcNow() + lockout.DefaultLockoutTimeSpan;
            return true;
        }
    }

    public void Succeeded(Account account, string? ipAddress) => cache.Remove(Key(account, ipAddress));

    private static string Key(Account account, string? ipAddress) => $"sign-in:{account.Id}:{ipAddress}";
}
