using Shegong.Web.Common.Privacy;

namespace Shegong.Web.Operator;

/// <summary><c>keys generate</c> and <c>keys rotate</c>: making the privacy keys and moving every value to new ones.</summary>
public static class KeyVerbs
{
    /// <summary>Prints a new key pair as environment variables, with how to use it; touches no database.</summary>
    public static int Generate(TextWriter output)
    {
        var keys = PrivacyKeys.Generate();
        output.WriteLine("# A new privacy key pair (key id " + keys.KeyId + "). Keep it in a vault: losing it loses every encrypted value.");
        output.WriteLine("# First installation: set these two variables in the app's environment.");
        output.WriteLine("# Rotation: move the current values to Privacy__PreviousKey and Privacy__PreviousHashKey, set these as");
        output.WriteLine("# the current ones, restart, run `Shegong.Web keys rotate`, then remove the previous ones and restart again.");
        output.WriteLine("Privacy__Key=" + Convert.ToBase64String(keys.EncryptionKey));
        output.WriteLine("Privacy__HashKey=" + Convert.ToBase64String(keys.HashKey));
        return 0;
    }

    public static async Task<int> RotateAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken = default)
    {
        var keys = services.GetRequiredService<PrivacyKeys>();
        var result = await services.GetRequiredService<KeyRotation>().RotateAsync(cancellationToken);
        output.WriteLine($"Re-encrypted {result.Rotated} records under key {keys.KeyId}; {result.Remaining} values remain under another key.");
        if (result.Remaining > 0)
        {
            output.WriteLine("Some values could not be moved; run `keys rotate` again with the key they were made with configured as Privacy:PreviousKey.");
            return 1;
        }
        if (keys.Previous is { } previous)
        {
            output.WriteLine($"Key {previous.KeyId} is no longer used: remove Privacy:PreviousKey and Privacy:PreviousHashKey.");
        }
        return 0;
    }
}
