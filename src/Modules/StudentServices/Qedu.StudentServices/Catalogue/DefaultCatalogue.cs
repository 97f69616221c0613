using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Persistence;
using Qedu.StudentServices.Data;
using Qedu.StudentServices.Domain;

namespace Qedu.StudentServices.Catalogue;

/// <summary>
/// The items a new city's catalogue starts with, published as version 1 when a database does not have them yet (at
/// every migration, so every database has the items the status changes take their limits from). The bureau edits them
/// from there as new versions, or withdraws them; an item is never deleted, so one withdrawn does not come back. The transfer limits: 《中小学生学籍管理办法》 (教基一〔2013〕7号) art. 14 (the
/// sending school and the bureaus of both schools complete a transfer within 10 working days); 休学 and 复学 have no
/// national limit, 10 is the bureau's own; every promised (承诺) limit is the bureau's commitment.
/// </summary>
internal sealed class DefaultCatalogue(StudentServicesDb db, TimeProvider clock) : IReferenceData
{
    public string Name => "Service catalogue";

    private const string Registry = "《中小学生学籍管理办法》（教基一〔2013〕7号）；《山东省中小学生学籍管理办法》";

    public static readonly (string Code, ServiceItemVersion Content)[] Items =
    [
        Item("QDJY-XJ-001", "转学（本市学校之间）", "Transfer between schools of the city", OnlineProcedure.Transfer,
            body: "转出学校所在区（市）教育和体育局（跨区（市）时会同转入学校所在区（市）教育和体育局）",
            basis: Registry + "第十四条",
            conditions: "具有本市中小学学籍的在校学生，因户籍迁移、监护人工作调动或居住地变化等原因需转入本市其他学校，且转入学校有学位。",
            materials:
            [
                new("监护人身份核验", true, "以登记在学籍中的监护人手机号登录，免提交"),
                new("学生学籍信息", true, "学籍系统已有，免提交"),
                new("户籍或居住地变化证明", false, "因户籍迁移或居住地变化申请时提供"),
            ],
            process: "监护人网上提出申请（或由学校代为提出）\n转出学校审核\n转入学校审核并编入班级\n转出学校所在区（市）教育和体育局审核\n转入学校所在区（市）教育和体育局审核（跨区（市）时）\n办结，学籍自动变更",
            legal: 10, promised: 5, channels: ServiceChannels.Online | ServiceChannels.Mobile | ServiceChannels.Window, zeroTrip: true),
        Item("QDJY-XJ-002", "转学（转出本市）", "Transfer out of the city", OnlineProcedure.TransferOut,
            body: "学生就读学校所在区（市）教育和体育局",
            basis: Registry + "第十四条",
            conditions: "具有本市中小学学籍的在校学生，需转入本市以外的学校。",
            materials:
            [
                new("监护人身份核验", true, "以登记在学籍中的监护人手机号登录，免提交"),
                new("转入学校名称及所在地", false, "申请时填写"),
            ],
            process: "监护人网上提出申请（或由学校代为提出）\n就读学校审核\n区（市）教育和体育局审核\n办结，可下载打印《转学联系函》",
            legal: 10, promised: 5, channels: ServiceChannels.Online | ServiceChannels.Mobile | ServiceChannels.Window, zeroTrip: true),
        Item("QDJY-XJ-007", "转学（从外地转入本市）", "Transfer into the city", OnlineProcedure.TransferIn,
            body: "转入学校所在区（市）教育和体育局",
            basis: Registry + "第十四条",
            conditions: "在本市以外学校就读、具有全国学籍的学生，因户籍迁移或监护人工作调动等来青就读，且转入学校有学位。",
            materials:
            [
                new("学生全国学籍号", false, "原就读学校提供"),
                new("监护人身份证件", false),
                new("户籍或居住证明", false, "来青落户或居住的证明"),
            ],
            process: "监护人向拟转入学校提出\n转入学校登记并审核、编入班级\n转入学校所在区（市）教育和体育局审核\n办结，学籍转入本市；原就读学校在全国学籍系统办理转出",
            legal: 10, promised: 5, channels: ServiceChannels.Window),
        Item("QDJY-XJ-003", "休学", "Suspension of study", OnlineProcedure.Suspension,
            body: "学生就读学校，报区（市）教育和体育局",
            basis: Registry + "第十五条",
            conditions: "因病或其他特殊原因需休学的在校学生；休学期限一般不超过一年。",
            materials:
            [
                new("监护人身份核验", true, "免提交"),
                new("二级以上医院诊断证明或其他证明", false, "因病休学时提供"),
            ],
            process: "监护人网上提出申请（或由学校代为提出）\n就读学校审核\n区（市）教育和体育局审核\n办结，学籍状态变更为休学",
            legal: 10, promised: 3, channels: ServiceChannels.Online | ServiceChannels.Mobile | ServiceChannels.Window, zeroTrip: true),
        Item("QDJY-XJ-004", "复学", "Resumption of study", OnlineProcedure.Resumption,
            body: "学生原就读学校，报区（市）教育和体育局",
            basis: Registry + "第十五条",
            conditions: "休学期满或休学原因消除的学生。",
            materials:
            [
                new("监护人身份核验", true, "免提交"),
                new("医院康复证明", false, "因病休学的学生提供"),
            ],
            process: "监护人网上提出申请（或由学校代为提出）\n学校审核并编入班级\n区（市）教育和体育局审核\n办结，学籍状态恢复为在校",
            legal: 10, promised: 3, channels: ServiceChannels.Online | ServiceChannels.Mobile | ServiceChannels.Window, zeroTrip: true),
        Item("QDJY-RX-001", "义务教育阶段学校入学报名", "Admission to primary and junior secondary school", OnlineProcedure.Enrolment,
            body: "各区（市）教育和体育局",
            basis: "《中华人民共和国义务教育法》第十二条；青岛市当年义务教育学校招生入学工作意见",
            conditions: "适龄儿童少年，按当年招生入学工作意见的时间和学区报名。",
            materials:
            [
                new("户口簿", true, "公安户籍数据核验，免提交"),
                new("房产证明", true, "不动产登记数据核验，免提交"),
                new("出生医学证明", true, "卫生健康部门数据核验，免提交"),
                new("居住证", false, "随迁子女提供"),
            ],
            process: "网上报名\n数据核验（户籍、房产等免提交）\n审核\n公布录取结果",
            legal: 0, promised: 0, channels: ServiceChannels.Online | ServiceChannels.Mobile, zeroTrip: true, fees: "不收费"),
        Item("QDJY-XJ-005", "在校证明开具", "Certificate of enrolment", OnlineProcedure.None,
            body: "学生就读学校",
            basis: Registry,
            conditions: "具有本市学籍的在校学生。",
            materials: [new("学生学籍信息", true, "学籍系统已有，免提交")],
            process: "监护人或学生到校提出\n学校核对学籍后当场出具",
            legal: 0, promised: 0, channels: ServiceChannels.Window, immediate: true),
        Item("QDJY-XJ-006", "学籍信息更正", "Correction of a student's record", OnlineProcedure.None,
            body: "学生就读学校，报区（市）教育和体育局",
            basis: Registry + "第十条",
            conditions: "学籍信息与户籍等证明不一致的学生。",
            materials:
            [
                new("户口簿", true, "公安户籍数据核验，免提交"),
                new("更正事项说明", false),
            ],
            process: "监护人向学校提出\n学校核对并提交更正\n区（市）教育和体育局审核",
            legal: 0, promised: 5, channels: ServiceChannels.Window),
        Item("QDJY-ZZ-001", "家庭经济困难学生资助申请", "Financial aid for students of families in need", OnlineProcedure.None,
            body: "学生就读学校",
            basis: "《学生资助资金管理办法》（财教〔2021〕310号）",
            conditions: "具有本市学籍、家庭经济困难的在校学生；建档立卡、低保、特困供养等家庭学生优先。",
            materials:
            [
                new("家庭经济困难学生认定申请表", false),
                new("低保、特困供养等证明", true, "民政部门数据核验，免提交"),
            ],
            process: "学生或监护人向学校提出\n学校认定并公示\n区（市）审核\n资助资金发放",
            legal: 0, promised: 20, channels: ServiceChannels.Window, category: ServiceCategory.Payment),
    ];

    /// <summary>Inserts only the codes not there yet, so it is safe to run at every start.</summary>
    public async Task<int> EnsureAsync(CancellationToken ct)
    {
        var present = await db.Items.Select(i => i.Code).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var (code, content) in Items.Where(i => !present.Contains(i.Code)))
        {
            var item = new ServiceItem { Code = code, CreatedAt = now, PublishedVersion = 1 };
            db.Items.Add(item);
            await db.SaveChangesAsync(ct);
            var version = ServiceCatalogue.Copy(content);
            version.ItemId = item.Id;
            version.Version = 1;
            version.State = VersionState.Published;
            version.ChangeNote = "初始版本 (initial version)";
            version.CreatedAt = now;
            version.CreatedBy = "system";
            version.PublishedAt = now;
            version.PublishedBy = "system";
            db.Versions.Add(version);
            await db.SaveChangesAsync(ct);
            added++;
        }
        return added;
    }

    private static (string, ServiceItemVersion) Item(string code, string name, string nameEn, OnlineProcedure procedure, string body, string basis, string conditions,
        List<ServiceMaterial> materials, string process, int legal, int promised, ServiceChannels channels, bool immediate = false, bool zeroTrip = false,
        string fees = "不收费", ServiceCategory category = ServiceCategory.PublicService) =>
        (code, new()
        {
            Name = name, NameEn = nameEn, Procedure = procedure, ImplementingBody = body, LegalBasis = basis, Conditions = conditions,
            Materials = materials, Process = process, LegalDays = legal, PromisedDays = promised, Channels = channels, Immediate = immediate,
            ZeroTrip = zeroTrip, Fees = fees, Category = category,
        });
}
