using Shegong.Web.Common.Privacy;
using Shegong.Web.Common.Validation;
using Shegong.Web.Data;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Services;
using Shegong.Web.Features.Stations;
using Shegong.Web.Features.Workforce.Agencies;
using Shegong.Web.Features.Workforce.Contracts;
using Shegong.Web.Features.Workforce.SocialWorkers;

namespace Shegong.Web.Features.Demo;

/// <summary>
/// The demo workforce: one agency per county plus a few city agencies serving several counties,
/// a 2025 contract per county for its operating township stations (a completed 2024 one in the
/// first-batch counties), about two social workers per operating township station (≈ 5,000:
/// ~80% certified, mostly Assistant; ~15% new graduates; ~70% local), then trainings and supervisions.
/// </summary>
internal sealed class DemoWorkforce(ShegongDb db, PersonalData personal, Random random)
{
    private readonly HashSet<string> usedIds = [];
    private readonly DemoPeople people = new(random);

    public async Task<(int Agencies, int Workers)> SeedAsync(List<Region> regions, List<Station> stations, DemoPlan plan, CancellationToken cancellationToken)
    {
        var counties = regions.Where(r => r.Level == RegionLevel.County).ToList();
        var countyCodes = counties.Select(c => c.Code[..6]).ToList();
        var agencies = counties.ToDictionary(c => c.Code, c => NewAgency($"{c.Name}社会工作服务中心", c.Code, c.Code));
        var cityAgencies = regions.Where(r => r.Level == RegionLevel.City).Take(8)
            .Select(c => NewAgency($"{c.Name}恒爱社会工作发展中心", c.Code, counties.Where(k => k.ParentCode == c.Code).Select(k => k.Code).Take(3).ToArray()))
            .ToList();
        db.Agencies.AddRange(agencies.Values);
        db.Agencies.AddRange(cityAgencies);
        await db.SaveChangesAsync(cancellationToken);

        var townshipStations = stations.Where(s => s.Level == StationLevel.TownshipStation && s.Status == StationStatus.Operating)
            .GroupBy(s => RegionCode.Pad(s.RegionCode[..6])).ToDictionary(g => g.Key, g => g.ToList());
        var workers = new List<SocialWorker>();
        foreach (var county in counties.Where(c => townshipStations.ContainsKey(c.Code)))
        {
            // About one county in eight buys from a city agency from outside the county.
            var external = cityAgencies.FirstOrDefault(a => a.ServiceAreas.Any(s => s.RegionCode == county.Code));
            var agency = external is not null && random.NextDouble() < 0.5 ? external : agencies[county.Code];
            var mine = townshipStations[county.Code];
            AddContracts(county, agency, mine, plan.Batch1Counties.Contains(county.Code));
            foreach (var station in mine)
            {
                var count = random.NextDouble() switch { < 0.2 => 1, < 0.75 => 2, < 0.95 => 3, _ => 4 };
                for (var i = 0; i < count; i++)
                {
                    workers.Add(NewWorker(agency, station, countyCodes));
                }
            }
        }
        db.SocialWorkers.AddRange(workers);
        await db.SaveChangesAsync(cancellationToken);
        await new DemoSessions(db, random).SeedAsync(stations, workers, cancellationToken);
        return (agencies.Count + cityAgencies.Count, workers.Count);
    }

    private Agency NewAgency(string name, string regionCode, params string[] serviceAreas)
    {
        var orgCode = "MJ" + random.Next(1_000_000, 9_999_999);
        var first17 = "52" + regionCode[..6] + orgCode;
        string phone; // drawn in its old place in the sequence, so the seeded data stays the same
        var agency = new Agency
        {
            Name = name,
            CreditCode = first17 + CreditCode.CheckCharacterOf(first17),
            RegionCode = regionCode,
            Rating = random.NextDouble() < 0.6 ? (AgencyRating)random.Next(2, 6) : null,
            ContactPerson = people.Name(),
            ContactPhoneCipher = personal.Encrypt(PersonalField.Phone, phone = people.Mobile()),
        };
        agency.ContactPhoneMasked = Masking.Phone(phone);
        agency.ServiceAreas.AddRange(serviceAreas.Select(a => new AgencyServiceArea { RegionCode = a }));
        return agency;
    }

    private void AddContracts(Region county, Agency agency, List<Station> stations, bool firstBatch)
    {
        if (firstBatch)
        {
            var previous = NewContract(county, agency, stations, 2024);
            previous.Activate();
            previous.Evaluate(EvaluationStage.MidTerm, new DateOnly(2024, 7, 10), random.Next(75, 96), "中期评估：按计划推进");
            previous.Evaluate(EvaluationStage.Final, new DateOnly(2024, 12, 20), random.Next(78, 98), "终期评估：完成合同约定服务");
            previous.Complete(new DateOnly(2024, 12, 31));
        }
        var current = NewContract(county, agency, stations, 2025);
        current.Activate();
        current.Evaluate(EvaluationStage.MidTerm, new DateOnly(2025, 7, 15), random.Next(70, 97), "中期评估：服务指标完成过半");
    }

    private ServiceContract NewContract(Region county, Agency agency, List<Station> stations, int year)
    {
        var contract = new ServiceContract { Title = $"{county.Name}{year}年乡镇(街道)社工站运营服务项目", RegionCode = county.Code, AgencyId = agency.Id };
        contract.SetPeriod(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        contract.Amount = stations.Count * random.Next(10, 16) * 10_000m;
        contract.Stations.AddRange(stations.Select(s => new ContractStation { StationId = s.Id, RegionCode = s.RegionCode }));
        foreach (var category in Enum.GetValues<ServiceCategory>())
        {
            contract.CategoryTargets.Add(new ContractCategoryTarget { Category = category, PersonTimes = stations.Count * random.Next(100, 400) });
        }
        contract.MethodTargets.Add(new ContractMethodTarget { Method = ServiceMethod.Casework, Count = stations.Count * 6 });
        contract.MethodTargets.Add(new ContractMethodTarget { Method = ServiceMethod.GroupWork, Count = stations.Count * 3 });
        contract.MethodTargets.Add(new ContractMethodTarget { Method = ServiceMethod.CommunityWork, Count = stations.Count * 12 });
        db.ServiceContracts.Add(contract);
        return contract;
    }

    private SocialWorker NewWorker(Agency agency, Station station, List<string> countyCodes)
    {
        var local = random.NextDouble() < 0.7;
        var county = local ? station.RegionCode[..6] : countyCodes[random.Next(countyCodes.Count)];
        var facts = CitizenId.Parse(UniqueId(county));
        var roll = random.NextDouble();
        var certification = roll switch
        {
            < 0.2 => CertificationLevel.None,
            < 0.72 => CertificationLevel.Assistant,
            < 0.97 => CertificationLevel.Intermediate,
            _ => CertificationLevel.Senior,
        };
        var hired = station.OpenedOn!.Value.AddDays(random.Next(0, 300));
        var graduate = random.NextDouble() < 0.15;
        var phone = people.Mobile();
        var worker = new SocialWorker
        {
            Name = people.Name(),
            IdNumberCipher = personal.Encrypt(PersonalField.IdNumber, facts.Number),
            IdNumberHash = personal.Hash(PersonalField.IdNumber, facts.Number),
            IdNumberMasked = Masking.IdNumber(facts.Number),
            PhoneCipher = personal.Encrypt(PersonalField.Phone, phone),
            PhoneHash = personal.Hash(PersonalField.Phone, phone),
            PhoneMasked = Masking.Phone(phone),
            BirthDate = facts.BirthDate,
            Sex = facts.Sex,
            NativeCountyCode = RegionCode.Pad(facts.RegionPrefix),
            Education = random.NextDouble() < 0.6 ? Education.Bachelor : Education.JuniorCollege,
            Major = random.NextDouble() < 0.55 ? "社会工作" : "公共事业管理",
            GraduationYear = graduate ? hired.Year : hired.Year - random.Next(1, 12),
            Certification = certification,
            CertificateNumber = certification == CertificationLevel.None ? null : $"{hired.Year - 1}51{random.Next(100000, 999999)}",
            CertificateYear = certification == CertificationLevel.None ? null : hired.Year - random.Next(0, 3),
            AgencyId = agency.Id,
            HiredOn = hired,
            RegionCode = station.RegionCode,
        };
        worker.Recompute();
        worker.AssignResident(station, hired);
        return worker;
    }

    private string UniqueId(string county)
    {
        while (true)
        {
            var birth = new DateOnly(1972, 1, 1).AddDays(random.Next(30 * 365));
            var first17 = $"{county}{birth:yyyyMMdd}{random.Next(0, 1000):000}";
            var number = first17 + CitizenId.CheckCharacterOf(first17);
            if (usedIds.Add(number))
            {
                return number;
            }
        }
    }
}
