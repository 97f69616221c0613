using Microsoft.Extensions.Localization;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Localization;

namespace Qedu.Registry.Records;

/// <summary>Builds a <see cref="RecordContext"/> in the current UI language (one per import, export or request).</summary>
internal sealed class RecordContextFactory(CodeBook codes, IStringLocalizer<RecordText> text, IStringLocalizer<KernelText> kernelText)
{
    public RecordContext Create() => new(codes, text, kernelText);
}
