using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Common.Privacy;
using Shegong.Web.Features.Audit;
using Shegong.Web.Features.Workforce.Agencies;

namespace Shegong.Tests.Platform;

/// <summary>The operator verbs, run as a real process of the app's own executable.</summary>
public class OperatorVerbTests
{
    private static async Task<(int Code, string Output)> RunAsync(string connection, params string[] words)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Shegong.Web.dll") }.Concat(words)
            .Concat(["--Database:Provider", TestDatabase.Provider.ToString(), "--ConnectionStrings:Shegong", connection,
                "--Privacy:Key", Workforce.WorkforceApp.Key, "--Privacy:HashKey", Workforce.WorkforceApp.HashKey]))
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, output + error);
    }

    [Fact]
    public async Task Import_regions_loads_a_folder_and_running_it_again_changes_nothing()
    {
        var connection = await TestDatabase.CreateAsync(withSichuanRegions: false);
        var first = await RunAsync(connection, "import", "regions", TestDatabase.SichuanRegionsFolder);
        Assert.True(first.Code == 0, first.Output);
        Assert.Contains("added 37728, renamed 0, unchanged 0", first.Output);

        var second = await RunAsync(connection, "import", "regions", TestDatabase.SichuanRegionsFolder);
        Assert.True(second.Code == 0, second.Output);
        Assert.Contains("added 0, renamed 0, unchanged 37728", second.Output);
        await using var db = TestDatabase.Open(connection);
        Assert.Equal(37728, await db.Regions.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Keys_rotate_moves_a_value_to_the_new_key_and_names_itself_in_the_audit()
    {
        var ct = TestContext.Current.CancellationToken;
        var connection = await TestDatabase.CreateAsync(withSichuanRegions: true);
        var old = new PersonalData(PrivacyKeys.Generate());
        int agency;
        await using (var db = TestDatabase.Open(connection))
        {
            var row = new Agency
            {
                Name = "轮换测试社工机构",
                CreditCode = "91510104MA6CTEST01",
                RegionCode = "510104000000",
                ContactPhoneCipher = old.Encrypt(PersonalField.Phone, "13800001111"),
                ContactPhoneMasked = Masking.Phone("13800001111")
            };
            db.Add(row);
            await db.SaveChangesAsync(ct);
            agency = row.Id;
        }

        var rotated = await RunAsync(connection, ["keys", "rotate", "--Privacy:PreviousKey", Convert.ToBase64String(old.Keys.EncryptionKey),
            "--Privacy:PreviousHashKey", Convert.ToBase64String(old.Keys.HashKey)]);
        Assert.True(rotated.Code == 0, rotated.Output);

        await using var after = TestDatabase.Open(connection);
        var current = new PersonalData(new PrivacyKeys(Convert.FromBase64String(Workforce.WorkforceApp.Key), Convert.FromBase64String(Workforce.WorkforceApp.HashKey)));
        var cipher = await after.Agencies.Where(a => a.Id == agency).Select(a => a.ContactPhoneCipher).SingleAsync(ct);
        Assert.Equal("13800001111", current.Decrypt(PersonalField.Phone, cipher!));
        var entry = await after.AuditEntries.Where(e => e.Entity == nameof(Agency) && e.EntityId == agency.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(e => e.Id).LastAsync(ct);
        Assert.Equal((AuditAction.Updated, "system:keys-rotate"), (entry.Action, entry.UserName));
        Assert.DoesNotContain("13800001111", entry.Changes);
    }

    [Fact]
    public async Task Seed_demo_fills_an_empty_network_once()
    {
        var connection = await TestDatabase.CreateAsync(withSichuanRegions: true);
        var first = await RunAsync(connection, "seed", "demo");
        Assert.True(first.Code == 0, first.Output);
        Assert.Contains("Demo data seeded.", first.Output);
        await using var db = TestDatabase.Open(connection);
        var count = await db.Stations.CountAsync(TestContext.Current.CancellationToken);
        Assert.InRange(count, 4000, 4800);

        var second = await RunAsync(connection, "seed", "demo");
        Assert.Contains("not seeded", second.Output);
        Assert.Equal(count, await db.Stations.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Seed_demo_without_regions_says_to_load_them_and_seeds_nothing()
    {
        var connection = await TestDatabase.CreateAsync(withSichuanRegions: false);
        var result = await RunAsync(connection, "seed", "demo");
        Assert.Equal(1, result.Code);
        Assert.Contains("import regions", result.Output);
        Assert.DoesNotContain("   at ", result.Output); // a message, not a stack trace
        await using var db = TestDatabase.Open(connection);
        Assert.Equal(0, await db.Stations.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Keys_generate_prints_a_new_pair_and_how_to_configure_it()
    {
        var result = await RunAsync("unused", "keys", "generate");
        Assert.True(result.Code == 0, result.Output);
        var key = System.Text.RegularExpressions.Regex.Match(result.Output, "^Privacy__Key=(.+)$", System.Text.RegularExpressions.RegexOptions.Multiline);
        var hashKey = System.Text.RegularExpressions.Regex.Match(result.Output, "^Privacy__HashKey=(.+)$", System.Text.RegularExpressions.RegexOptions.Multiline);
        Assert.Equal(32, Convert.FromBase64String(key.Groups[1].Value.Trim()).Length);
        Assert.Equal(32, Convert.FromBase64String(hashKey.Groups[1].Value.Trim()).Length);
        Assert.NotEqual(key.Groups[1].Value, hashKey.Groups[1].Value);
        Assert.Contains("keys rotate", result.Output);
    }

    [Fact]
    public async Task An_unknown_verb_prints_the_usage_and_fails()
    {
        var connection = await TestDatabase.CreateAsync(withSichuanRegions: false);
        var result = await RunAsync(connection, "explode");
        Assert.Equal(2, result.Code);
        Assert.Contains("usage:", result.Output);
    }
}
