using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Indicators.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Forms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "indicators_form_rounds",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    form_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    sent_at = table.Column<long>(type: "INTEGER", nullable: false),
                    sent_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicators_form_rounds", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "indicators_form_returns",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    round_id = table.Column<long>(type: "INTEGER", nullable: false),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    form_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    saved_at = table.Column<long>(type: "INTEGER", nullable: true),
                    saved_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    first_submitted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    late = table.Column<bool>(type: "INTEGER", nullable: false),
                    submitted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    submitted_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    reviewed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    reviewed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    review_comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicators_form_returns", x => x.id);
                    table.ForeignKey(
                        name: "fk_indicators_form_returns_form_rounds_round_id",
                        column: x => x.round_id,
                        principalTable: "indicators_form_rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "indicators_form_return_values",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    return_id = table.Column<long>(type: "INTEGER", nullable: false),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    field_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    number = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicators_form_return_values", x => x.id);
                    table.ForeignKey(
                        name: "fk_indicators_form_return_values_indicators_form_returns_return_id",
                        column: x => x.return_id,
                        principalTable: "indicators_form_returns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_indicators_form_return_values_return_id_field_code",
                table: "indicators_form_return_values",
                columns: new[] { "return_id", "field_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_indicators_form_returns_form_code_period_org_unit_id",
                table: "indicators_form_returns",
                columns: new[] { "form_code", "period", "org_unit_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_indicators_form_returns_org_unit_id",
                table: "indicators_form_returns",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_indicators_form_returns_round_id_state",
                table: "indicators_form_returns",
                columns: new[] { "round_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_indicators_form_rounds_form_code_period",
                table: "indicators_form_rounds",
                columns: new[] { "form_code", "period" });

            migrationBuilder.CreateIndex(
                name: "ix_indicators_form_rounds_org_unit_id",
                table: "indicators_form_rounds",
                column: "org_unit_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "indicators_form_return_values");

            migrationBuilder.DropTable(
                name: "indicators_form_returns");

            migrationBuilder.DropTable(
                name: "indicators_form_rounds");
        }
    }
}
