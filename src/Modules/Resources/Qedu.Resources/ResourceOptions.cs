using Qedu.Resources.Domain;

namespace Qedu.Resources;

/// <summary>The choices the pages offer: resource types, stages and reaches, by their names in the API.</summary>
internal static class ResourceOptions
{
    public static readonly IReadOnlyList<string> Types = Enum.GetNames<ResourceType>();

    public static readonly IReadOnlyList<string> Stages = ["Primary", "JuniorSecondary", "SeniorSecondary", "Preschool", "Vocational", "Special"];

    public static readonly IReadOnlyList<string> Reaches = Enum.GetNames<ResourceReach>();
}
