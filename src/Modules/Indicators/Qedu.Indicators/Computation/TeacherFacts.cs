using System.Globalization;
using Qedu.Teachers.Contracts;

namespace Qedu.Indicators.Computation;

/// <summary>
/// The teachers module's facts: per school ("teacher-records.*") full-time teachers, certified, backbone, and in the
/// continuing-education cycle on pace and done, as the period's year stood at its end; per handling bureau
/// ("teacher-reports.*") reports on the public channel received in the year, concluded, concluded on time, upheld; per
/// district ("teacher-rotation.*") staff due to rotate in the year and the moves approved or made (backbone, urban → rural).
/// </summary>
internal sealed class TeacherFacts(ITeacherStatistics teachers) : IFactSource
{
    public async Task AddFactsAsync(FactContext context, CancellationToken ct)
    {
        var year = int.Parse(context.Period[..4], CultureInfo.InvariantCulture);
        foreach (var f in await teachers.SchoolsAsync(year, ct))
        {
            if (context.Units.ContainsKey(f.OrgUnitId))
            {
                context.Facts.Add(f.OrgUnitId, "teacher-records.teachers", f.Teachers);
                context.Facts.Add(f.OrgUnitId, "teacher-records.certified", f.Certified);
                context.Facts.Add(f.OrgUnitId, "teacher-records.backbone", f.Backbone);
                context.Facts.Add(f.OrgUnitId, "teacher-records.training-on-pace", f.TrainingOnPace);
                context.Facts.Add(f.OrgUnitId, "teacher-records.training-done", f.TrainingDone);
            }
        }
        foreach (var r in await teachers.ReportsAsync(year, ct))
        {
            if (context.Units.ContainsKey(r.OrgUnitId))
            {
                context.Facts.Add(r.OrgUnitId, "teacher-reports.received", r.Received);
                context.Facts.Add(r.OrgUnitId, "teacher-reports.concluded", r.Concluded);
                context.Facts.Add(r.OrgUnitId, "teacher-reports.on-time", r.ConcludedOnTime);
                context.Facts.Add(r.OrgUnitId, "teacher-reports.upheld", r.Upheld);
            }
        }
        foreach (var r in await teachers.RotationAsync(year, ct))
        {
            if (context.Units.ContainsKey(r.OrgUnitId))
            {
                context.Facts.Add(r.OrgUnitId, "teacher-rotation.due", r.Due);
                context.Facts.Add(r.OrgUnitId, "teacher-rotation.moved", r.Moved);
                context.Facts.Add(r.OrgUnitId, "teacher-rotation.backbone", r.Backbone);
                context.Facts.Add(r.OrgUnitId, "teacher-rotation.urban-to-rural", r.UrbanToRural);
            }
        }
    }
}
