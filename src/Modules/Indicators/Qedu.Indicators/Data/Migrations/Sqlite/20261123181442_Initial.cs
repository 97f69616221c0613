using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Indicators.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "indicators_runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    started_at = table.Column<long>(type: "INTEGER", nullable: false),
                    elapsed_ms = table.Column<int>(type: "INTEGER", nullable: false),
                    values = table.Column<int>(type: "INTEGER", nullable: false),
                    units = table.Column<int>(type: "INTEGER", nullable: false),
                    by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicators_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "indicators_snapshots",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    indicator_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    numerator = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    denominator = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    computed_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicators_snapshots", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_indicators_runs_period",
                table: "indicators_runs",
                column: "period");

            migrationBuilder.CreateIndex(
                name: "ix_indicators_snapshots_indicator_code_org_unit_id",
                table: "indicators_snapshots",
                columns: new[] { "indicator_code", "org_unit_id" });

            migrationBuilder.CreateIndex(
                name: "ix_indicators_snapshots_period_org_unit_id_indicator_code",
                table: "indicators_snapshots",
                columns: new[] { "period", "org_unit_id", "indicator_code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "indicators_runs");

            migrationBuilder.DropTable(
                name: "indicators_snapshots");
        }
    }
}
