using Qedu.StudentServices.Domain;

namespace Qedu.StudentServices.Features.Changes;

/// <summary>
/// The steps a change takes: sending school → receiving school → sending district → receiving district (once when both
/// schools are in one district); a 转入: the receiving school, then its district; a 转出, 休学 or 复学: the school, then its
/// district. A school the city runs itself has
/// the city bureau as its "district".
/// </summary>
internal static class ChangeRoute
{
    public static IReadOnlyList<(StepRole Role, int Unit)> Of(ChangeKind kind, int fromSchool, int fromDistrict, int? toSchool, int? toDistrict) =>
        kind switch
        {
            ChangeKind.Transfer when fromDistrict == toDistrict =>
                [(StepRole.SendingSchool, fromSchool), (StepRole.ReceivingSchool, toSchool!.Value), (StepRole.SendingDistrict, fromDistrict)],
            ChangeKind.Transfer =>
                [(StepRole.SendingSchool, fromSchool), (StepRole.ReceivingSchool, toSchool!.Value), (StepRole.SendingDistrict, fromDistrict),
                 (StepRole.ReceivingDistrict, toDistrict!.Value)],
            // From outside the city: only the receiving side decides.
            ChangeKind.TransferIn => [(StepRole.ReceivingSchool, toSchool!.Value), (StepRole.ReceivingDistrict, toDistrict!.Value)],
            _ => [(StepRole.SendingSchool, fromSchool), (StepRole.SendingDistrict, fromDistrict)],
        };
}
