using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Growth.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AidPaidFen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "paid_fen",
                schema: "growth",
                table: "aid_applications",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
            // What was paid before the column existed.
            migrationBuilder.Sql(
                "UPDATE growth.aid_applications a SET paid_fen = p.fen FROM (SELECT application_id, ROUND(SUM(amount) * 100)::bigint AS fen FROM growth.aid_payments GROUP BY application_id) p WHERE p.application_id = a.id;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "paid_fen",
                schema: "growth",
                table: "aid_applications");
        }
    }
}
