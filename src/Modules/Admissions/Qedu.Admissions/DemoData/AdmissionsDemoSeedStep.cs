using Qedu.Admissions.Data;
using Qedu.Admissions.Domain;
using Qedu.Admissions.Rules;
using Qedu.Kernel.Codes;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.Files;
using Qedu.Kernel.Identity;
using Qedu.Kernel.OrgUnits;

namespace Qedu.Admissions.DemoData;

/// <summary>
/// The admissions module's part of the demo city: an open 小学一年级 season of 市南区 (opened ten days ago, closing in
/// twenty, for the children born in the admitted year), its primary schools with seats and zones (compounds and street
/// ranges), the five priority categories and the migrant points rules, and about 300 applications in every status the
/// review knows, some with addresses no zone holds (the district's manual queue). Deterministic for a seed; dates are
/// relative to the clock so the season is open whenever the demo starts. Two days ago the district imported one exchange
/// file of each agency (户籍, 房产, 社保), stored in the file store: most applications under review are verified, a few
/// flagged.
/// </summary>
internal sealed class AdmissionsDemoSeedStep(AdmissionsDb db, OrgTree tree, ParentAccounts parents, IFileStore files, TimeProvider clock) : IDemoSeedStep
{
    public const string DistrictCode = "370202";
    public const int Applications = 300;

    /// <summary>Real compound names of 市南区, dealt to the schools' zones in turn.</summary>
    private static readonly string[] Compounds =
    [
        "海信花园", "青岛花园", "百通馨苑", "东海花园", "金都花园", "八大关小区", "太平角小区", "湛山花园", "鲁信长春花园", "逸仙花园",
        "浮山所小区", "燕儿岛小区", "银海花园", "海韵小区", "香港花园", "嘉兴花园", "澳门花园", "台东小区", "云霄花园", "宁夏花园",
        "江西路小区", "金湖花园", "南京路小区", "福州花园",
    ];

    private static readonly string[] Streets = ["香港中路", "东海西路", "南京路", "延安三路", "宁夏路", "江西路", "福州南路", "山东路"];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "于", "姜", "曲", "丁"];
    private static readonly string[] Given = ["子涵", "欣怡", "梓轩", "一诺", "浩宇", "诗涵", "宇轩", "可馨", "俊熙", "若汐", "博文", "雨桐", "沐阳", "思源"];

    public int Order => 40;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken ct)
    {
        var schools = context.Orgs
            .Where(o => o.Kind == OrgUnitKind.School && o.ParentCode == DistrictCode && o.SchoolTypeCode == "211")
            .OrderBy(o => o.SortOrder).ToList();
        var ids = await tree.IdsOfCodesPastScopeAsync(schools.Select(s => s.Code).Append(DistrictCode), ct);
        if (schools.Count == 0 || !ids.TryGetValue(DistrictCode, out var districtId))
        {
            return;
        }
        var now = clock.GetUtcNow();
        var year = now.ToOffset(TimeSpan.FromHours(8)).Year;
        var season = new Season
        {
            OrgUnitId = districtId,
            Code = $"{year}-{DistrictCode}-P1",
            Name = $"{year}年市南区小学一年级招生",
            Stage = SeasonStage.PrimaryOne,
            Mechanism = SeasonMechanism.PublicAndPrivate,
            OpensAt = now.AddDays(-10),
            ClosesAt = now.AddDays(20),
            BornFrom = new DateOnly(year - 7, 9, 1),
            BornTo = new DateOnly(year - 6, 8, 31),
        };
        SeasonDraw.Commit(season, now);
        db.Seasons.Add(season);
        await db.SaveChangesAsync(ct);

        db.Categories.AddRange(SeasonTemplate.Categories(season.Id));
        db.PointsRules.AddRange(SeasonTemplate.PointsRules(season.Id));

        var random = new Random(context.Seed + 18);
        var zoneOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var placeOf = new Dictionary<string, (double Lat, double Lon)>(StringComparer.Ordinal);
        for (var i = 0; i < schools.Count; i++)
        {
            var school = schools[i];
            var schoolId = ids[school.Code];
            var isPrivate = school.OwnershipCode == "22";
            // Spread over 市南区 (about 36.06 N, 120.38 E), a kilometre or so apart, so 统筹 by distance has a map to work on.
            var (lat, lon) = (36.055 + 0.008 * (i / 3), 120.36 + 0.012 * (i % 3));
            db.SeasonSchools.Add(new SeasonSchool { SeasonId = season.Id, SchoolId = schoolId, IsPrivate = isPrivate, Seats = 40 * (2 + random.Next(4)), Latitude = lat, Longitude = lon });
            if (isPrivate)
            {
                continue; // a private school takes applications from the whole district: no zone
            }
            for (var k = i; k < Compounds.Length; k += schools.Count)
            {
                var place = (Lat: lat + 0.002 * (k % 3 - 1), Lon: lon + 0.002 * (k % 2));
                db.ZoneLines.Add(new ZoneLine { SeasonId = season.Id, SchoolId = schoolId, Compound = Compounds[k], Latitude = place.Lat, Longitude = place.Lon });
                placeOf[Compounds[k]] = place;
                zoneOf[Compounds[k]] = schoolId;
            }
            db.ZoneLines.Add(new ZoneLine
            {
                SeasonId = season.Id, SchoolId = schoolId, Street = Streets[i % Streets.Length],
                FromNumber = 1 + 100 * (i / Streets.Length), ToNumber = 99 + 100 * (i / Streets.Length), Parity = NumberParity.All,
            });
        }
        await db.SaveChangesAsync(ct);

        var categories = db.Categories.Local.Where(c => c.SeasonId == season.Id).OrderBy(c => c.Rank).ToList();
        var rules = db.PointsRules.Local.Where(r => r.SeasonId == season.Id).ToList();
        var privateSchools = db.SeasonSchools.Local.Where(s => s.SeasonId == season.Id && s.IsPrivate).Select(s => s.SchoolId).ToList();
        var statuses = new (ApplicationStatus Status, int Count)[]
        {
            (ApplicationStatus.Draft, 20), (ApplicationStatus.Submitted, 150), (ApplicationStatus.Approved, 90),
            (ApplicationStatus.Returned, 25), (ApplicationStatus.Refused, 15),
        };
        // The demo parent (DemoAccounts.ParentPhone) has two of them: the first approved and the first returned for correction.
        var demoParent = (await parents.FindByPhoneAsync(DemoAccounts.ParentPhone, ct))?.Id;
        var n = 0;
        foreach (var (status, count) in statuses)
        {
            for (var c = 0; c < count; c++, n++)
            {
                var birth = season.BornFrom.AddDays(random.Next(season.BornTo.DayNumber - season.BornFrom.DayNumber + 1));
                var residentId = ResidentId.Compose(DistrictCode, birth, 100 + n);
                // One in twelve lives at an address no zone holds (the manual queue); the rest in a zone compound.
                var unzoned = n % 12 == 5;
                var compound = unzoned ? "崂山区某小区" : Compounds[random.Next(Compounds.Length)];
                int? zone = unzoned ? null : zoneOf.GetValueOrDefault(compound) is var z && z != 0 ? z : null;
                var migrant = random.NextDouble() < 0.2;
                var application = new Application
                {
                    SeasonId = season.Id,
                    ParentAccountId = demoParent is Guid own && (n == 20 + 150 + 90 || n == 20 + 150) ? own : DemoParent(n),
                    Status = status,
                    ChildName = Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)],
                    ResidentId = residentId,
                    ChildKey = db.FieldEncryption.Index($"{ChildDocuments.ResidentId}:{residentId}")!,
                    BirthDate = birth,
                    GenderCode = (residentId[16] - '0') % 2 == 1 ? "1" : "2",
                    GuardianName = Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)],
                    HomeCompound = compound,
                    HomeLatitude = placeOf.TryGetValue(compound, out var home) ? home.Lat : null,
                    HomeLongitude = placeOf.TryGetValue(compound, out var home2) ? home2.Lon : null,
                    HomeDetail = $"{1 + random.Next(20)}号楼{1 + random.Next(3)}单元{101 + random.Next(20)}户",
                    HukouAtHome = !migrant && random.NextDouble() < 0.8,
                    PropertyAtHome = !migrant && random.NextDouble() < 0.85,
                    HasResidencePermit = migrant,
                    ResidencePermitYears = migrant ? 1 + random.Next(8) : 0,
                    InsuranceMonths = migrant ? 6 + random.Next(60) : 0,
                    ZoneSchoolId = zone,
                    CreatedAt = now.AddDays(-9).AddMinutes(n * 37),
                    UpdatedAt = now.AddDays(-9).AddMinutes(n * 37 + 20),
                    SubmittedAt = status == ApplicationStatus.Draft ? null : now.AddDays(-9).AddMinutes(n * 37 + 15),
                    ReviewNote = status switch
                    {
                        ApplicationStatus.Returned => "房产证照片不清晰，请重新上传不动产权证首页。",
                        ApplicationStatus.Refused => "儿童出生日期不在本次招生范围内的证明材料不符，经核实不予受理。",
                        _ => null,
                    },
                };
                var choosesPrivate = privateSchools.Count > 0 && random.NextDouble() < 0.15;
                var privateChoice = choosesPrivate ? privateSchools[random.Next(privateSchools.Count)] : (int?)null;
                application.OrgUnitId = zone ?? privateChoice ?? districtId;
                var result = Categories.Compute(categories, rules, FamilyFacts.Of(application), english: false);
                application.CategoryId = result.Category?.Id;
                application.Points = result.Points;
                application.Number = $"{season.Code}-{n + 1:D6}";
                db.Applications.Add(application);
                await db.SaveChangesAsync(ct);
                var rank = 1;
                if (privateChoice is int p)
                {
                    db.Choices.Add(new ApplicationChoice { ApplicationId = application.Id, Rank = rank++, SchoolId = p });
                }
                if (zone is int zz)
                {
                    db.Choices.Add(new ApplicationChoice { ApplicationId = application.Id, Rank = rank, SchoolId = zz });
                }
                db.Events.Add(new ApplicationEvent { ApplicationId = application.Id, At = application.CreatedAt, Kind = "created", Actor = "family" });
                if (application.SubmittedAt is { } submitted)
                {
                    db.Events.Add(new ApplicationEvent { ApplicationId = application.Id, At = submitted, Kind = "submitted", Actor = "family" });
                }
                if (status is ApplicationStatus.Approved or ApplicationStatus.Returned or ApplicationStatus.Refused)
                {
                    db.Events.Add(new ApplicationEvent
                    {
                        ApplicationId = application.Id, At = application.UpdatedAt, Actor = "shinan.admin", Note = application.ReviewNote,
                        Kind = status switch { ApplicationStatus.Approved => "approved", ApplicationStatus.Returned => "returned", _ => "refused" },
                    });
                }
            }
        }
        await db.SaveChangesAsync(ct);
        await SeedChecksAsync(season, districtId, categories, rules, new Random(context.Seed + 19), now, ct);
    }

    /// <summary>
    /// The agencies' files as a district would receive them, built from the applications (about four in five of those
    /// under review named, one in twenty of them disagreeing, and a few children who did not apply), and what their
    /// import did: the checks, the agency's months and the points they give, an event per application, the import log.
    /// </summary>
    private async Task SeedChecksAsync(
        Season season, int districtId, IReadOnlyList<SeasonCategory> categories, IReadOnlyList<PointsRule> rules, Random random, DateTimeOffset now, CancellationToken ct)
    {
        var under = db.Applications.Local
            .Where(a => a.SeasonId == season.Id && a.Status is ApplicationStatus.Submitted or ApplicationStatus.Returned or ApplicationStatus.Approved)
            .OrderBy(a => a.Id).ToList();
        var at = now.AddDays(-2);
        foreach (var kind in Enum.GetValues<VerificationKind>())
        {
            var header = kind switch
            {
                VerificationKind.Hukou => new[] { "身份证号", "姓名", "户籍地址" },
                VerificationKind.Property => ["身份证号", "产权人", "房产地址"],
                _ => ["身份证号", "姓名", "缴费月数"],
            };
            var text = new StringWriter();
            CsvRecords.WriteRecord(text, header);
            var import = new VerificationImport
            {
                SeasonId = season.Id, OrgUnitId = districtId, Kind = kind, FileName = $"{kind.ToString().ToLowerInvariant()}-{at.ToOffset(TimeSpan.FromHours(8)):yyyyMMdd}.csv",
                ImportedAt = at, ImportedBy = "shinan.admin",
            };
            foreach (var a in under)
            {
                if (random.NextDouble() > 0.8 || (kind == VerificationKind.Insurance && !a.HasResidencePermit))
                {
                    continue;
                }
                var agrees = random.NextDouble() >= 0.05;
                var stated = kind switch { VerificationKind.Hukou => a.HukouAtHome, VerificationKind.Property => a.PropertyAtHome, _ => true };
                var atHome = agrees == stated; // the agency's address names the home exactly when it agrees with a stated "yes"
                var home = $"青岛市市南区{a.HomeCompound}{a.HomeDetail}";
                var elsewhere = "青岛市崂山区海尔路1号";
                var check = agrees ? FactCheck.Verified : FactCheck.Mismatch;
                switch (kind)
                {
                    case VerificationKind.Hukou:
                        CsvRecords.WriteRecord(text, [a.ResidentId, a.ChildName, atHome ? home : elsewhere]);
                        a.HukouCheck = check;
                        break;
                    case VerificationKind.Property:
                        CsvRecords.WriteRecord(text, [a.ResidentId, a.GuardianName, atHome ? home : elsewhere]);
                        a.PropertyCheck = check;
                        break;
                    default:
                        // A family that disagrees with the agency stated more months than were paid.
                        a.AgencyInsuranceMonths = agrees ? a.InsuranceMonths : Math.Max(0, a.InsuranceMonths - 6 - random.Next(12));
                        a.InsuranceCheck = check;
                        CsvRecords.WriteRecord(text, [a.ResidentId, a.ChildName, a.AgencyInsuranceMonths.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                        var result = Categories.Compute(categories, rules, FamilyFacts.Of(a), english: false);
                        a.CategoryId = result.Category?.Id;
                        a.Points = result.Points;
                        break;
                }
                a.CheckedAt = at;
                import.Rows++;
                if (agrees)
                {
                    import.Verified++;
                }
                else
                {
                    import.Mismatched++;
                }
                db.Events.Add(new ApplicationEvent
                {
                    ApplicationId = a.Id, At = at, Actor = "shinan.admin", Kind = agrees ? "verified" : "flagged",
                    Note = (kind, agrees) switch
                    {
                        (VerificationKind.Hukou, true) => "户籍（公安数据）一致",
                        (VerificationKind.Hukou, false) => "户籍（公安数据）与填报不一致",
                        (VerificationKind.Property, true) => "房产（住建数据）一致",
                        (VerificationKind.Property, false) => "房产（住建数据）与填报不一致",
                        _ => $"社保（人社数据）{a.AgencyInsuranceMonths} 个月，填报 {a.InsuranceMonths} 个月",
                    },
                });
            }
            // Children the agency holds who did not apply in this season.
            for (var k = 0; k < 3; k++)
            {
                var other = ResidentId.Compose(DistrictCode, season.BornFrom.AddDays(30 * k + 7), 900 + k);
                CsvRecords.WriteRecord(text, [other, "非报名儿童", kind == VerificationKind.Insurance ? "12" : "青岛市市南区某小区"]);
                import.Rows++;
                import.NotFound++;
            }
            var stored = await files.PutAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text.ToString())), ct);
            import.FileHash = stored.Hash;
            db.VerificationImports.Add(import);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Families of the demo (accounts that never sign in): a fixed id per application, so the seed is repeatable.</summary>
    private static Guid DemoParent(int n) => new($"00000000-0000-4000-8000-{n + 1:D12}");
}
