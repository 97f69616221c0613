using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Qedu.StudentServices.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialStudentServices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "services_change_limits",
                columns: table => new
                {
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    legal_days = table.Column<int>(type: "INTEGER", nullable: false),
                    promised_days = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_services_change_limits", x => x.kind);
                });

            migrationBuilder.CreateTable(
                name: "services_status_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    student_id = table.Column<long>(type: "INTEGER", nullable: false),
                    student_number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    student_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    student_revision = table.Column<long>(type: "INTEGER", nullable: false),
                    from_school_id = table.Column<int>(type: "INTEGER", nullable: false),
                    from_district_id = table.Column<int>(type: "INTEGER", nullable: true),
                    to_school_id = table.Column<int>(type: "INTEGER", nullable: true),
                    to_district_id = table.Column<int>(type: "INTEGER", nullable: true),
                    to_class_id = table.Column<long>(type: "INTEGER", nullable: true),
                    other_school = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    suspended_until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    certificate_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    applicant = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    parent_account_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    applicant_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    started_at = table.Column<long>(type: "INTEGER", nullable: false),
                    started_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    legal_days = table.Column<int>(type: "INTEGER", nullable: false),
                    promised_days = table.Column<int>(type: "INTEGER", nullable: false),
                    current_step = table.Column<int>(type: "INTEGER", nullable: false),
                    step_count = table.Column<int>(type: "INTEGER", nullable: false),
                    ended_at = table.Column<long>(type: "INTEGER", nullable: true),
                    effective_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_services_status_changes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "services_change_pauses",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    change_id = table.Column<long>(type: "INTEGER", nullable: false),
                    from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    missing = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    answer = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_services_change_pauses", x => x.id);
                    table.ForeignKey(
                        name: "fk_services_change_pauses_status_changes_change_id",
                        column: x => x.change_id,
                        principalTable: "services_status_changes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "services_change_steps",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    change_id = table.Column<long>(type: "INTEGER", nullable: false),
                    sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    decision = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    decided_at = table.Column<long>(type: "INTEGER", nullable: true),
                    confirmed_large_class = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_services_change_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_services_change_steps_status_changes_change_id",
                        column: x => x.change_id,
                        principalTable: "services_status_changes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "services_change_limits",
                columns: new[] { "kind", "legal_days", "promised_days" },
                values: new object[,]
                {
                    { "Resumption", 10, 3 },
                    { "Suspension", 10, 3 },
                    { "Transfer", 10, 5 },
                    { "TransferOut", 10, 5 }
                });

            migrationBuilder.CreateIndex(
                name: "ix_services_change_pauses_change_id",
                table: "services_change_pauses",
                column: "change_id");

            migrationBuilder.CreateIndex(
                name: "ix_services_change_steps_change_id_sequence",
                table: "services_change_steps",
                columns: new[] { "change_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_services_change_steps_org_unit_id_decision",
                table: "services_change_steps",
                columns: new[] { "org_unit_id", "decision" });

            migrationBuilder.CreateIndex(
                name: "ix_services_status_changes_from_school_id",
                table: "services_status_changes",
                column: "from_school_id");

            migrationBuilder.CreateIndex(
                name: "ix_services_status_changes_number",
                table: "services_status_changes",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_services_status_changes_parent_account_id",
                table: "services_status_changes",
                column: "parent_account_id");

            migrationBuilder.CreateIndex(
                name: "ix_status_changes_one_open_per_student",
                table: "services_status_changes",
                column: "student_id",
                unique: true,
                filter: "state IN ('UnderReview', 'Returned')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "services_change_limits");

            migrationBuilder.DropTable(
                name: "services_change_pauses");

            migrationBuilder.DropTable(
                name: "services_change_steps");

            migrationBuilder.DropTable(
                name: "services_status_changes");
        }
    }
}
