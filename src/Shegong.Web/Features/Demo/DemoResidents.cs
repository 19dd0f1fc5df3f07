using Shegong.Web.Common.Privacy;
using Shegong.Web.Common.Validation;
using Shegong.Web.Features.Residents;

namespace Shegong.Web.Features.Demo;

/// <summary>Which services a demo resident is likely to receive.</summary>
internal enum DemoAgeGroup
{
    Child,
    Adult,
    Elderly,
}

/// <summary>A demo resident as the later parts need it: who, which services suit them, their village and name.</summary>
internal sealed record DemoResident(int Id, DemoAgeGroup Group, string Village, string Name);

/// <summary>
/// Demo residents: about eight per social worker of each operating township station, living in that
/// township's villages: 45% elderly, 25% children, 30% adults of working age, tagged as the
/// province's vulnerable groups are spread; 85% with an ID number (protected like a worker's),
/// two thirds of the adults with a phone, all with consent recorded.
/// </summary>
internal sealed class DemoResidents(DemoBulk bulk, PersonalData personal, Random random)
{
    private static readonly string[] Columns =
    [
        "Id", "Name", "Sex", "BirthDate", "IdNumberCipher", "IdNumberMasked", "IdNumberHash", "PhoneCipher", "PhoneHash", "PhoneMasked",
        "RegionCode", "Address", "ConsentGivenOn", "ConsentRecordedBy", "CreatedAt",
    ];

    private readonly DemoPeople people = new(random);
    private readonly HashSet<string> usedIds = [];

    /// <summary>Seeds the residents of each station's villages; answers them by station id.</summary>
    public async Task<Dictionary<int, List<DemoResident>>> SeedAsync(
        IReadOnlyList<DemoStationStaff> stations, ILookup<string, (string Code, string Name)> villagesByTownship, CancellationToken cancellationToken)
    {
        var rows = new List<object?[]>();
        var tags = new List<object?[]>();
        var byStation = new Dictionary<int, List<DemoResident>>();
        var id = await bulk.NextIdAsync("Residents", cancellationToken);
        foreach (var station in stations)
        {
            var villages = villagesByTownship[station.RegionCode].ToList();
            if (villages.Count == 0)
            {
                continue;
            }
            var mine = byStation[station.StationId] = [];
            var count = 8 * station.WorkerIds.Count + random.Next(0, 7);
            for (var i = 0; i < count; i++, id++)
            {
                var village = villages[random.Next(villages.Count)];
                var group = random.NextDouble() switch { < 0.45 => DemoAgeGroup.Elderly, < 0.70 => DemoAgeGroup.Child, _ => DemoAgeGroup.Adult };
                var row = Row(id, village, group);
                rows.Add(row);
                tags.AddRange(Tags(group).Select(t => new object?[] { id, t.ToString() }));
                mine.Add(new DemoResident(id, group, village.Code, (string)row[1]!));
            }
        }
        await bulk.InsertAsync("Residents", Columns, rows, versioned: true, cancellationToken);
        await bulk.InsertAsync("ResidentTags", ["ResidentId", "Tag"], tags, versioned: false, cancellationToken);
        return byStation;
    }

    private object?[] Row(int id, (string Code, string Name) village, DemoAgeGroup group)
    {
        var birth = group switch
        {
            DemoAgeGroup.Elderly => new DateOnly(1935, 1, 1).AddDays(random.Next(30 * 365)),
            DemoAgeGroup.Child => new DateOnly(2009, 1, 1).AddDays(random.Next(15 * 365)),
            _ => new DateOnly(1966, 1, 1).AddDays(random.Next(40 * 365)),
        };
        var sex = random.Next(2) == 0 ? Sex.Male : Sex.Female;
        string? number = null;
        if (random.NextDouble() < 0.85)
        {
            var facts = CitizenId.Parse(UniqueId(village.Code[..6], birth, sex));
            number = facts.Number;
        }
        var phone = group != DemoAgeGroup.Child && random.NextDouble() < 0.66 ? people.Mobile() : null;
        var consent = new DateOnly(2024, 10, 1).AddDays(random.Next(90));
        return
        [
            id, people.Name(), sex.ToString(), birth,
            personal.EncryptOrNull(PersonalField.IdNumber, number), number is null ? null : Masking.IdNumber(number),
            number is null ? null : personal.Hash(PersonalField.IdNumber, number),
            personal.EncryptOrNull(PersonalField.Phone, phone), phone is null ? null : personal.Hash(PersonalField.Phone, phone),
            phone is null ? null : Masking.Phone(phone),
            village.Code, $"{village.Name}{random.Next(1, 12)}组{random.Next(1, 80)}号", consent, "驻站社工",
            consent.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc),
        ];
    }

    private IEnumerable<VulnerabilityTag> Tags(DemoAgeGroup group)
    {
        (VulnerabilityTag Tag, double Share)[] odds = group switch
        {
            DemoAgeGroup.Elderly =>
            [
                (VulnerabilityTag.ElderlyLivingAlone, 0.25), (VulnerabilityTag.LeftBehindElderly, 0.2), (VulnerabilityTag.PersonWithDisability, 0.1),
                (VulnerabilityTag.MinimumLivingAllowance, 0.2), (VulnerabilityTag.ExtremePoverty, 0.08), (VulnerabilityTag.RelocatedResident, 0.05),
                (VulnerabilityTag.SeriouslyIll, 0.08),
            ],
            DemoAgeGroup.Child =>
            [
                (VulnerabilityTag.LeftBehindChild, 0.45), (VulnerabilityTag.ChildInDistress, 0.1), (VulnerabilityTag.PersonWithDisability, 0.04),
                (VulnerabilityTag.MinimumLivingAllowance, 0.12), (VulnerabilityTag.SingleParentFamily, 0.06),
            ],
            _ =>
            [
                (VulnerabilityTag.PersonWithDisability, 0.12), (VulnerabilityTag.MinimumLivingAllowance, 0.18), (VulnerabilityTag.Unemployed, 0.1),
                (VulnerabilityTag.RelocatedResident, 0.06), (VulnerabilityTag.SingleParentFamily, 0.05), (VulnerabilityTag.VeteranOrMartyrFamily, 0.02),
            ],
        };
        return odds.Where(o => random.NextDouble() < o.Share).Select(o => o.Tag).ToList();
    }

    // The sequence's last digit is odd for men, even for women (GB 11643).
    private string UniqueId(string county, DateOnly birth, Sex sex)
    {
        while (true)
        {
            var sequence = random.Next(0, 500) * 2 + (sex == Sex.Male ? 1 : 0);
            var first17 = $"{county}{birth:yyyyMMdd}{sequence:000}";
            var number = first17 + CitizenId.CheckCharacterOf(first17);
            if (usedIds.Add(number))
            {
                return number;
            }
        }
    }
}
