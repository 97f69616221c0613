using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Growth.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AidPaidFen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "paid_fen",
                table: "growth_aid_applications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);
            // What was paid before the column existed (amounts are kept as text in SQLite).
            migrationBuilder.Sql(
                "UPDATE growth_aid_applications SET paid_fen = (SELECT CAST(ROUND(SUM(CAST(p.amount AS REAL)) * 100) AS INTEGER) FROM growth_aid_payments p WHERE p.application_id = growth_aid_applications.id) WHERE EXISTS (SELECT 1 FROM growth_aid_payments p WHERE p.application_id = growth_aid_applications.id);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "paid_fen",
                table: "growth_aid_applications");
        }
    }
}
