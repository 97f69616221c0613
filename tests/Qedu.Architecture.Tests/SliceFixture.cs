// A tiny module shape for SliceRulesTests to prove its rule can fail: slice Orders uses slice Invoices (the one
// offence), and both use a shared type beside Features/ (allowed).
namespace Qedu.Architecture.Tests.SliceFixture.Shared
{
    internal sealed record Money(decimal Amount);
}

namespace Qedu.Architecture.Tests.SliceFixture.Features.Invoices
{
    internal sealed record Invoice(Shared.Money Total);
}

namespace Qedu.Architecture.Tests.SliceFixture.Features.Orders
{
    internal sealed class OrderPage
    {
        public Invoices.Invoice? LastInvoice { get; set; }

        public Shared.Money? Total { get; set; }
    }
}
