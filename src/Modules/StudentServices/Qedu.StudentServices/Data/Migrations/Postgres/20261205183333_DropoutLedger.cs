using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qedu.StudentServices.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DropoutLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dropout_cases",
                schema: "services",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    student_id = table.Column<long>(type: "bigint", nullable: false),
                    student_number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    student_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    class_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    last_attended_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reported_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    details = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    reported_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    state = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    end_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dropout_cases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "dropout_follow_ups",
                schema: "services",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    case_id = table.Column<long>(type: "bigint", nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dropout_follow_ups", x => x.id);
                    table.ForeignKey(
                        name: "fk_dropout_follow_ups_dropout_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "services",
                        principalTable: "dropout_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_dropout_cases_number",
                schema: "services",
                table: "dropout_cases",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dropout_cases_one_open_per_student",
                schema: "services",
                table: "dropout_cases",
                column: "student_id",
                unique: true,
                filter: "state = 'Open'");

            migrationBuilder.CreateIndex(
                name: "ix_dropout_cases_org_unit_id_state",
                schema: "services",
                table: "dropout_cases",
                columns: new[] { "org_unit_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_dropout_follow_ups_case_id_on",
                schema: "services",
                table: "dropout_follow_ups",
                columns: new[] { "case_id", "on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dropout_follow_ups",
                schema: "services");

            migrationBuilder.DropTable(
                name: "dropout_cases",
                schema: "services");
        }
    }
}
