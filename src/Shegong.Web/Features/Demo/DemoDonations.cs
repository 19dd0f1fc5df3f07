using Shegong.Web.Features.Linkage.Donations;

namespace Shegong.Web.Features.Demo;

/// <summary>A link the demo year made: its record, the station and day, the need, and the yuan.</summary>
internal sealed record DemoLink(int RecordId, int StationId, string RegionCode, DateOnly On, LinkTarget Target, int TargetId, decimal Yuan);

/// <summary>
/// The donors and donations behind the demo year's links: each station keeps a few donors, receives donations that
/// cover its links (a donation a little before its first link, most with some yuan not yet linked), and every
/// link holds the resource-linking record the year already wrote. Written in bulk, like the records.
/// </summary>
internal sealed class DemoDonations(DemoBulk bulk, Random random)
{
    private const int LinksPerDonation = 8;

    private static readonly (string Name, DonorKind Kind)[] DonorNames =
    [
        ("蜀光爱心企业", DonorKind.Enterprise), ("天府慈善基金会", DonorKind.Foundation), ("社区发展基金", DonorKind.CommunityFund),
        ("爱心人士", DonorKind.Individual), ("民政专项资金", DonorKind.Government), ("巴蜀商会", DonorKind.Enterprise),
        ("乡村振兴基金会", DonorKind.Foundation),
    ];

    private static readonly string[] Descriptions = ["助老助困慈善资金", "爱心企业捐赠物资", "慈善基金会助学金", "医疗机构义诊服务", "节日慰问物资"];

    public async Task SeedAsync(IReadOnlyList<DemoLink> links, CancellationToken cancellationToken)
    {
        var donorId = await bulk.NextIdAsync("Donors", cancellationToken);
        var donationId = await bulk.NextIdAsync("Donations", cancellationToken);
        var linkId = await bulk.NextIdAsync("DonationLinks", cancellationToken);
        List<object?[]> donors = [], donations = [], rows = [];
        foreach (var station in links.GroupBy(l => (l.StationId, l.RegionCode)).OrderBy(g => g.Key.StationId))
        {
            var kept = Enumerable.Range(0, random.Next(1, 4)).Select(_ => DonorNames[random.Next(DonorNames.Length)]).Distinct().Select(d =>
            {
                donors.Add([donorId, d.Name, d.Kind.ToString(), station.Key.StationId, station.Key.RegionCode, new DateTime(2024, 12, 1, 0, 0, 0, DateTimeKind.Utc)]);
                return donorId++;
            }).ToList();
            foreach (var part in station.OrderBy(l => l.On).ThenBy(l => l.RecordId).Chunk(LinksPerDonation))
            {
                var linked = part.Sum(l => l.Yuan);
                var balance = random.NextDouble() < 0.7 ? random.Next(1, 20) * 100m : 0m;
                var received = part[0].On.AddDays(-random.Next(0, 20));
                var kind = random.NextDouble() switch { < 0.6 => DonationKind.Cash, < 0.9 => DonationKind.Goods, _ => DonationKind.Services };
                donations.Add([donationId, kept[random.Next(kept.Count)], station.Key.StationId, station.Key.RegionCode, received, kind.ToString(),
                    Descriptions[random.Next(Descriptions.Length)], linked + balance, linked, received.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc)]);
                rows.AddRange(part.Select(l => new object?[]
                {
                    linkId++, donationId, l.Target.ToString(), l.TargetId, l.Yuan, l.On, l.RecordId, l.On.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc),
                }));
                donationId++;
            }
        }
        await bulk.InsertAsync("Donors", ["Id", "Name", "Kind", "StationId", "RegionCode", "CreatedAt"], donors, versioned: true, cancellationToken);
        await bulk.InsertAsync("Donations", ["Id", "DonorId", "StationId", "RegionCode", "ReceivedOn", "Kind", "Description", "ValueYuan", "LinkedYuan", "CreatedAt"],
            donations, versioned: true, cancellationToken);
        await bulk.InsertAsync("DonationLinks", ["Id", "DonationId", "Target", "TargetId", "AmountYuan", "LinkedOn", "ServiceRecordId", "CreatedAt"],
            rows, versioned: false, cancellationToken);
    }
}
