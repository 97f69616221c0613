namespace Qedu.Plans.Tasks;

/// <summary>
/// A plan task's 整改 items live in the shared rectification module (Qedu.Rectifications) under this source kind, with
/// the task's id as the source and the notice they follow from, if any, as the source item.
/// </summary>
internal static class PlanRectifications
{
    public const string Kind = "plans.task";
}
