using Shegong.Web.Features.ServiceRecords;
using Shegong.Web.Features.Services;

namespace Shegong.Web.Features.Statistics.Memory;

/// <summary>
/// The ways people served are counted apart: all of them, and by each category, method and channel. A resident
/// served in a month carries a bit mask of the dimensions they were served in, so a leaf-month keeps one
/// (resident, mask) pair per person instead of one set per dimension.
/// </summary>
internal static class PeopleDims
{
    public const int All = 0;
    private static readonly int Categories = Enum.GetValues<ServiceCategory>().Length;
    private static readonly int Methods = Enum.GetValues<ServiceMethod>().Length;
    private static readonly int Channels = Enum.GetValues<ServiceChannel>().Length;

    /// <summary>How many sets a cell keeps: "all" plus one per category, method and channel.</summary>
    public static readonly int Count = 1 + Categories + Methods + Channels;

    public static int Of(ServiceCategory category) => 1 + (int)category;

    public static int Of(ServiceMethod method) => 1 + Categories + (int)method;

    public static int Of(ServiceChannel channel) => 1 + Categories + Methods + (int)channel;

    /// <summary>The mask of one service given to a resident (the "all" dimension is implied by being listed).</summary>
    public static uint Mask(ServiceCategory category, ServiceMethod method, ServiceChannel channel) =>
        (1u << Of(category)) | (1u << Of(method)) | (1u << Of(channel));

    /// <summary>The combination key of a leaf's figures (category, method, channel, source), small enough for an int.</summary>
    public static int Combo(ServiceCategory category, ServiceMethod method, ServiceChannel channel, ServiceSource source) =>
        ((((int)category * 16) + (int)method) * 16 + (int)channel) * 16 + (int)source;

    public static (ServiceCategory Category, ServiceMethod Method, ServiceChannel Channel, ServiceSource Source) Split(int combo) =>
        ((ServiceCategory)(combo / 4096), (ServiceMethod)(combo / 256 % 16), (ServiceChannel)(combo / 16 % 16), (ServiceSource)(combo % 16));
}
