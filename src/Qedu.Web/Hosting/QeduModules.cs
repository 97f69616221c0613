using System.Reflection;
using Qedu.Organisation;
using Qedu.Registry;

namespace Qedu.Web.Hosting;

/// <summary>The modules whose pages the router serves besides the shell's own.</summary>
internal static class QeduModules
{
    public static readonly Assembly[] PageAssemblies =
    [
        typeof(OrganisationModule).Assembly,
        typeof(RegistryModule).Assembly,
    ];
}
