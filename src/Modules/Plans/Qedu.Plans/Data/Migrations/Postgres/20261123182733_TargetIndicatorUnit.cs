using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Plans.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TargetIndicatorUnit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "indicator_org_unit_id",
                schema: "plans",
                table: "targets",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "indicator_org_unit_id",
                schema: "plans",
                table: "targets");
        }
    }
}
