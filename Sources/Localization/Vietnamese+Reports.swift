//===----------------------------------------------------------------------===//
// Vietnamese: the reports and the console summary, in the terms of the one-stop
// service (hồ sơ, tiếp nhận, trả kết quả, đúng hạn, quá hạn, tồn đọng).
//===----------------------------------------------------------------------===//

import CentreModel

/// `1.234,5`: grouped thousands and a decimal comma; `–` when not finite.
private func n(_ value: Double, _ digits: Int) -> String {
  value.isFinite ? Language.vi.number(value, decimals: digits) : "–"
}

/// `01/07/2025`.
private func d(_ date: CivilDate) -> String { Language.vi.date(date) }

/// A figure of a comparison's verdict: two decimals under 10, one under 100, none above.
private func short(_ x: Double) -> String {
  guard x.isFinite else { return "–" }
  return n(x, abs(x) >= 100 ? 0 : abs(x) >= 10 ? 1 : 2)
}

/// `12 ± 3` (no decimal from 10 on, one below).
private func amount(_ x: Double, _ halfWidth: Double) -> String {
  n(x, x >= 10 ? 0 : 1) + (halfWidth.isNaN ? "" : " ± \(n(halfWidth, halfWidth >= 10 ? 0 : 1))")
}

private func minutes(_ x: Double) -> String { n(x, 1) }

private func percent(_ share: Double) -> String { n(share * 100, share * 100 == (share * 100).rounded() ? 0 : 1) + "%" }

private func dossiers(_ x: Double) -> String { x > 0 && x < 0.5 ? "< 1" : n(x, 0) }

private let weekdayNames = ["T2", "T3", "T4", "T5", "T6", "T7", "CN"]

extension Vietnamese {
  /// What an allocation achieves at its best, by objective (`overdue`, `on-time`,
  /// `wait-p90`): "tránh được nhiều hồ sơ quá hạn nhất".
  static func bestFor(_ objective: String) -> String {
    switch objective {
    case "on-time": "có nhiều hồ sơ đúng hạn nhất"
    case "wait-p90": "giảm nhiều nhất bách phân vị 90 thời gian chờ tại quầy"
    default: "tránh được nhiều hồ sơ quá hạn nhất"
    }
  }

  public func report(_ phrase: ReportPhrase) -> String {
    switch phrase {
    case .verdict: "Kết luận"
    case .keyFigures: "Số liệu chính"
    case .kpi: "Chỉ số"
    case .meanWithInterval: "trung bình ± KTC 95%"
    case .unit: "đơn vị"
    case .provenance: "Nguồn gốc kết quả"
    case .pageFooter(let version):
      "Lập bằng onestop \(version). Số liệu là trung bình qua các lần mô phỏng lặp; dải tô màu và vạch đen là khoảng tin cậy 95% (phân phối Student)."
    case .heatMapCells(let label): "Ô: \(label) (màu càng đậm, giá trị càng cao)"

    // The verdict
    case .backlogGrowing(let trend, let halfWidth, let weeks, let start, let end, let startUp):
      "Tồn đọng tăng \(amount(trend, halfWidth)) hồ sơ mỗi tuần \(over(weeks)) (\(levels(start, end))): với số cán bộ hiện có, trung tâm không theo kịp"
        + (startUp
          ? ", hoặc mô phỏng vẫn đang trong giai đoạn khởi động: kỳ mô phỏng bắt đầu khi chưa có hồ sơ nào, và những tuần đầu các hàng chờ đầy dần bằng hồ sơ còn vài ngày mới đến hạn (hãy bắt đầu từ tồn đọng hiện có, hoặc mô phỏng dài hơn, để phân biệt)."
          : ".")
    case .backlogShrinking(let trend, let halfWidth, let weeks, let start, let end):
      "Tồn đọng giảm \(amount(trend, halfWidth)) hồ sơ mỗi tuần \(over(weeks)) (\(levels(start, end))): tồn đọng đang được giải quyết dần."
    case .backlogStable(let trend, let halfWidth, let weeks):
      "Tồn đọng ổn định \(over(weeks)) (xu hướng \(trend >= 0 ? "+" : "−")\(amount(abs(trend), halfWidth)) hồ sơ mỗi tuần)."
    case .backlogUnknown: "Thời gian mô phỏng ngắn hơn hai tuần: chưa thể kết luận về xu hướng tồn đọng."
    case .initialBacklogCleared(let clearedIn, let replications, let end, let day, let halfWidth, let about, let earliest, let median, let latest):
      (clearedIn == replications
        ? "Hồ sơ tồn đầu kỳ được giải quyết hết "
        : "Hồ sơ tồn đầu kỳ được giải quyết hết trong \(clearedIn)/\(replications) lần mô phỏng (các lần còn lại chưa hết đến \(d(end))): ")
        + "vào ngày thứ \(n(day, 1))" + (halfWidth.isNaN ? "" : " ± \(n(halfWidth, 1))")
        + " (khoảng \(d(about))); sớm nhất \(d(earliest)), trung vị \(d(median)), muộn nhất \(d(latest))."
    case .initialBacklogNotCleared(let end, let replications):
      "Hồ sơ tồn đầu kỳ chưa được giải quyết hết đến cuối kỳ (\(d(end))) trong cả \(replications) lần mô phỏng."
    case .deadlinesAllMet(let target): "Mọi thủ tục đều giải quyết đúng hạn ít nhất \(percent(target)) hồ sơ."
    case .deadlinesMissed(let count, let target):
      "\(count) thủ tục giải quyết đúng hạn dưới \(percent(target)) hồ sơ (thủ tục kém nhất trước):"
    case .deadlineMiss(let procedure, let deadline, let onTime, let halfWidth, let overdue):
      "– \(procedure) (thời hạn: \(deadlineText(deadline))): đúng hạn \(n(onTime * 100, 1))%\(halfWidth.isNaN ? "" : " ± \(n(halfWidth * 100, 1))"), "
        + "\(dossiers(overdue)) hồ sơ quá hạn"
    case .waitWithinTarget(let p90, let target):
      "Thời gian chờ tại quầy đạt mục tiêu: 9/10 công dân được gọi lên quầy trong vòng \(minutes(p90)) phút (phân vị 90; mục tiêu: không quá \(n(target, 0)) phút)."
    case .waitOverTarget(let p90, let halfWidth, let target):
      "Thời gian chờ tại quầy vượt mục tiêu: phân vị 90 của thời gian chờ là \(minutes(p90))\(halfWidth.isNaN ? "" : " ± \(minutes(halfWidth))") phút, "
        + "cao hơn mục tiêu \(n(target, 0)) phút."
    case .waitCentresWithinTarget(let centres, let target):
      "Cả \(centres) trung tâm đều giữ phân vị 90 của thời gian chờ tại quầy trong vòng \(n(target, 0)) phút."
    case .waitCentresOverTarget(let count, let centres, let target):
      "\(count)/\(centres) trung tâm có phân vị 90 của thời gian chờ tại quầy trên \(n(target, 0)) phút (trung tâm kém nhất trước):"
    case .waitCentre(let centre, let p90, let halfWidth):
      "– \(centre): \(minutes(p90))\(halfWidth.isNaN ? "" : " ± \(minutes(halfWidth))") phút"
    case .andMore(let count): "– … và \(count) trung tâm khác"

    // What was simulated
    case .scenarioLine(let name, let start, let end, let days, let replications, let seed):
      "Kịch bản \(name): từ \(d(start)) đến \(d(end)) (\(days) ngày), \(replications) lần mô phỏng lặp, hạt giống \(seed)"
    case .runIntro(let start, let end, let days, let centres, let procedures, let replications):
      "Từ \(d(start)) đến \(d(end)), \(days) ngày; \(centres) trung tâm, \(procedures) thủ tục; \(replications) lần mô phỏng lặp."
    case .staffCount(let permanent, let temporary): temporary > 0 ? "\(permanent) (+\(temporary) tạm thời hoặc bán thời gian)" : "\(permanent)"
    case .staffOfCentre(let centre, let counter, let backOffice): "\(centre): \(counter) cán bộ tiếp nhận, \(backOffice) cán bộ chuyên môn"
    case .staffLine(let items, let centres): "Cán bộ: " + items.joined(separator: "; ") + (centres > 3 ? "; … (\(centres) trung tâm)" : "")
    case .demandReplayed:
      "Nhu cầu: phát lại các lượt đến từ nhật ký đã ghi (không dùng lượng hồ sơ mỗi ngày, phân bố theo giờ và tỷ lệ theo kênh)."
    case .demandSpread(let weekly, let weekdays, let shares, let rule):
      "Nhu cầu: khoảng \(n(weekly, weekly >= 100 ? 0 : 1)) hồ sơ mỗi tuần (mọi kênh), chia cho các ngày mở cửa: "
        + zip(weekdays, shares).map { "\(weekdayNames[$0.rawValue]) \(n($1 * 100, 1))%" }.joined(separator: ", ")
        + (rule.map {
          $0 == .shifted
            ? " (extra_day_demand: shifted, các ngày mở cửa ngoài tuần làm việc chia bớt nhu cầu, tổng của tuần giữ nguyên)."
            : " (extra_day_demand: added, mỗi ngày mở cửa thêm nhu cầu của một ngày)."
        } ?? ".")
    case .sizesDrawnOnce(let seed):
      "Quy mô các trung tâm: rút một lần từ hạt giống \(seed); mọi lần mô phỏng lặp dùng cùng một thành phố, nên khoảng tin cậy "
        + "không tính đến độ bất định về quy mô các trung tâm (volume_scale_draw: per_replication thì có)."
    case .sizesDrawnPerReplication:
      "Quy mô các trung tâm: rút lại ở mỗi lần mô phỏng lặp; khoảng tin cậy có tính đến độ bất định về quy mô các trung tâm."
    case .initialBacklogSetting(let count, let pastDue, let earliest, let latest, let holidays):
      "Tồn đầu kỳ: \(count) hồ sơ đang chờ giải quyết lúc bắt đầu, trong đó \(pastDue) hồ sơ đã quá hạn; "
        + "tiếp nhận từ \(d(earliest)) đến \(d(latest)), hạn giải quyết tính theo lịch làm việc của kịch bản "
        + "(ngày nghỉ lễ trong khoảng đó: \(holidays.isEmpty ? "không có" : holidays.map(d).joined(separator: ", ")))."
    case .warningsIntro: "Cảnh báo về kịch bản (thiết lập không có tác dụng, hoặc có vẻ sai):"

    // Tables of the run
    case .kpiAtWindowEnd: "Chỉ số, tại cuối khoảng"
    case .windowHeading(let from, let to): "Hồ sơ đến từ \(d(from)) đến \(d(to))"
    case .windowConsoleHeading(let from, let to): "Hồ sơ đến từ \(d(from)) đến \(d(to)), tính tại cuối khoảng:"
    case .workingDaysWithHours(let hours): "ngày làm việc (\(n(hours, 1)) giờ)"
    case .workingHoursWithDays(let days): "giờ làm việc (\(n(days, 2)) ngày làm việc)"
    case .deadline(let deadline): deadlineText(deadline)
    case .procedureColumn: "thủ tục"
    case .deadlineColumn: "thời hạn"
    case .arrivalsColumn: "hồ sơ đến"
    case .onTimeColumn: "đúng hạn"
    case .waitMinutesColumn: "chờ (phút)"
    case .turnaroundWDColumn: "giải quyết (NLV)"
    case .turnaroundWorkingDaysColumn: "thời gian giải quyết (ngày làm việc)"

    // Charts of the run
    case .backlogHeading: "Tồn đọng và hồ sơ quá hạn"
    case .seriesBacklog: "tồn đọng (đã tiếp nhận, chưa giải quyết)"
    case .seriesOpenPastDue: "chưa giải quyết, đã quá hạn"
    case .seriesInitialOpen: "tồn đầu kỳ chưa giải quyết"
    case .chartDossiersAtMidnight: "Hồ sơ lúc nửa đêm"
    case .captionDossiersAtMidnight: "Trung bình qua các lần mô phỏng lặp vào cuối mỗi ngày, kèm dải tin cậy 95%."
    case .chartBackOfficeQueue: "Hàng chờ xử lý chuyên môn lúc nửa đêm"
    case .seriesBackOfficeQueue: "hồ sơ chờ xử lý chuyên môn"
    case .captionBackOfficeQueue:
      "Hồ sơ nằm trong hàng chờ của bộ phận chuyên môn (chưa có người xử lý, không ở bước chờ) vào cuối mỗi ngày."
    case .chartDossiersPerDay: "Hồ sơ mỗi ngày"
    case .seriesArrived: "đến"
    case .seriesCompleted: "đã giải quyết"
    case .axisDossiersPerDay: "hồ sơ mỗi ngày"
    case .captionDossiersPerDay: "Khi số hồ sơ giải quyết xong thấp hơn số hồ sơ đến, tồn đọng tăng lên."
    case .markersCaption:
      "Các vạch đứt dọc đánh dấu các mốc thời gian của kịch bản: ngày nghỉ lễ, cán bộ đến hoặc rút đi (kết thúc đợt tăng cường hỗ trợ), gián đoạn hệ thống và đợt tăng nhu cầu."
    case .waitingHeading: "Chờ tại quầy"
    case .chartCounterWait: "Thời gian chờ tại quầy"
    case .axisMinutes: "phút"
    case .captionCounterWait: "Trung bình, các phân vị và thời gian chờ lâu nhất của công dân trước khi được gọi lên quầy (phân vị sai số trong 0,4%)."
    case .chartWaitDistribution: "Tỷ lệ công dân được phục vụ với thời gian chờ không quá … phút"
    case .seriesShareServed: "% công dân được phục vụ"
    case .captionWaitDistribution:
      "Phân bố thời gian chờ tại quầy: tỷ lệ công dân được phục vụ đã chờ không quá 0, 5, 10 … 240 phút, kèm dải tin cậy 95%."
    case .hourHeading: "Một ngày theo từng giờ"
    case .chartQueueByHour: "Hàng chờ tại quầy theo giờ trong ngày"
    case .seriesCitizensWaiting: "công dân đang chờ"
    case .captionTypicalDay(let afterWarmUp):
      "Một ngày mở cửa điển hình\(afterWarmUp ? " sau giai đoạn khởi động" : ""): trung bình qua các ngày mở cửa của các lần lấy mẫu cách nhau 10 phút, gộp mọi trung tâm, kèm dải tin cậy 95%."
    case .chartStaffByHour: "Cán bộ tiếp nhận có mặt theo giờ trong ngày"
    case .seriesCounterStaff: "cán bộ tiếp nhận có mặt"
    case .captionStaffByHour: "Cán bộ trực tại quầy, lấy mẫu như hàng chờ, vẽ trên biểu đồ riêng để hai đại lượng không che lấp nhau."
    case .hourColumn: "giờ"
    case .walkInArrivalsColumn: "lượt đến trực tiếp"
    case .waitingColumn: "đang chờ"
    case .staffPresentColumn: "cán bộ có mặt"
    case .waitProbabilityColumn: "P(phải chờ)"
    case .waitColumn: "chờ (phút)"
    case .hourTableNote: "P(phải chờ) và thời gian chờ: của công dân lấy số trong giờ đó. Tệp hourly.csv có mọi cột kèm khoảng tin cậy."
    case .chartLongestQueue: "Hàng chờ tại quầy dài nhất mỗi ngày"
    case .seriesLongestQueue: "công dân đang chờ (nhiều nhất trong ngày)"
    case .captionLongestQueue: "Số công dân chờ cùng lúc nhiều nhất, theo từng ngày."
    case .utilisationHeading: "Mức bận của cán bộ"
    case .chartUtilisationPerPool: "Mức bận theo nhóm cán bộ"
    case .poolName(let counter, let name): "\(counter ? "quầy tiếp nhận" : "bộ phận chuyên môn"): \(name)"
    case .axisBusyShare: "% thời gian trực có việc"
    case .captionUtilisationPerPool: "Thời gian bận trên thời gian trực, mỗi nhóm gộp mọi trung tâm."
    case .chartBackOfficePerCentre(let busiest): "Mức bận của bộ phận chuyên môn theo trung tâm\(busiest.map { " (\($0) trung tâm bận nhất)" } ?? "")"
    case .captionBackOfficePerCentre: "Trung tâm có bộ phận chuyên môn bận nhất xếp trước."
    case .onTimeHeading: "Tỷ lệ đúng hạn theo thủ tục"
    case .chartOnTime: "Hồ sơ giải quyết đúng hạn"
    case .axisOnTimeShare: "% đúng hạn"
    case .captionOnTime: "Số hồ sơ giải quyết đúng hạn chia cho (đã giải quyết + chưa giải quyết đã quá hạn ở cuối kỳ)."
    case .staffingHeading: "Bố trí cán bộ"
    case .centreColumn: "trung tâm"
    case .poolColumn: "nhóm cán bộ"
    case .staffColumn: "cán bộ"
    case .servesColumn: "phục vụ / giờ làm"
    case .servesAll: "tất cả"
    case .openingHours: "giờ mở cửa"
    case .crew(let count, let from, let to, let hours, let speed, let absence, let note):
      "\(count)" + (from.map { " từ \(d($0))" } ?? "") + (to.map { " đến \(d($0))" } ?? "") + (hours.map { " (\($0))" } ?? "")
        + (speed != 1 ? ", tốc độ \(n(speed, 2))" : "") + (absence > 0 ? ", vắng \(Int((absence * 100).rounded()))% số ngày" : "")
        + (note.isEmpty ? "" : " [\(note)]")
    case .moreCentres(let count): "… và \(count) trung tâm khác (xem centres.csv)."
    case .centresHeading: "Các trung tâm"
    case .overdueColumn: "quá hạn"
    case .backlogAtEndColumn: "tồn đọng cuối kỳ"
    case .waitP90Column: "chờ, phân vị 90 (phút)"
    case .centresNote: "30 trung tâm có nhiều hồ sơ quá hạn nhất; mọi trung tâm có trong centres.csv."
    case .theoryHeading: "Lý thuyết bên cạnh mô phỏng"
    case .theoryIntro(let centre, let model, let single):
      "Các quầy của \(centre), theo từng giờ của một ngày làm việc chuẩn, coi mỗi giờ là một trạng thái dừng (\(model)"
        + (model == "Erlang A" ? ": công dân có thể bỏ về, nên P(phải chờ) và Wq tính trên mọi lượt đến, được phục vụ hay không)" : ")")
        + (single ? ", bên cạnh kết quả mô phỏng trong cùng giờ." : ".")
    case .arrivalsPerHourColumn: "lượt đến/giờ"
    case .loadColumn: "tải (Erl)"
    case .utilisationColumn: "mức bận"
    case .meanWaitTheoryColumn: "Wq (phút)"
    case .correctedWaitColumn: "Wq, hiệu chỉnh SCV"
    case .squareRootColumn: "bố trí căn bậc hai β=0,5–1"
    case .simulatedWaitProbabilityColumn: "P(phải chờ), mô phỏng"
    case .simulatedWaitColumn: "chờ (phút), mô phỏng"
    case .theorySimulatedWait(let wait): "Mô phỏng trên toàn bộ kỳ: thời gian chờ tại quầy trung bình \(wait) phút."
    case .theoryCaveat(let caveat): "Công thức kém tin cậy ở đây: \(caveat)"
    case .provenanceFile: "tệp kịch bản"
    case .provenanceDigest: "SHA-256 của kịch bản"
    case .provenanceSeed: "hạt giống"
    case .provenanceReplications: "số lần mô phỏng lặp"
    case .provenanceGenerator: "bộ sinh số ngẫu nhiên"
    case .provenanceGeneratorValue: "GSL mt19937, mỗi mục đích một dòng"
    case .provenanceVersion: "phiên bản onestop"
    case .provenanceEvents: "số sự kiện đã mô phỏng"

    // Markers on the time charts
    case .markerHoliday(let days): days == 1 ? "nghỉ lễ" : "nghỉ lễ (\(days) ngày)"
    case .markerStaff(let joining, let leaving, let note):
      [joining > 0 ? "+\(joining) cán bộ" : nil, leaving > 0 ? "−\(leaving) cán bộ" : nil].compactMap { $0 }.joined(separator: ", ")
        + (note.isEmpty ? "" : ": \(note)")
    case .markerOutagesStart(let id): "bắt đầu gián đoạn (\(id))"
    case .markerOutagesEnd(let id): "hết gián đoạn (\(id))"
    case .markerSurgeStart(let factor): "tăng nhu cầu ×\(short(factor))"
    case .markerSurgeEnd: "hết đợt tăng nhu cầu"
    case .legendHoliday: "nghỉ lễ"
    case .legendStaffChange: "cán bộ đến hoặc rút đi"
    case .legendOutages: "bắt đầu hoặc hết gián đoạn"
    case .legendSurge: "đợt tăng nhu cầu"

    // Comparisons
    case .comparisonTitle(let base): "onestop: so sánh với \(base)"
    case .comparisonIntro(let base, let seed, let replications):
      "Mọi phương án đều chạy trên cùng dãy số ngẫu nhiên của \(base) (hạt giống \(seed), \(replications) lần mô phỏng lặp): "
        + "cùng những công dân, mang đến cùng khối lượng công việc. Chênh lệch được tính theo từng cặp lần mô phỏng."
    case .comparisonBase(let base, let replications, let seed):
      "Phương án gốc: \(base); \(replications) lần mô phỏng lặp trên cùng dãy số ngẫu nhiên (hạt giống \(seed))."
    case .variantSummary(let variant, let base, let better, let worse):
      better.isEmpty && worse.isEmpty
        ? "\(variant) so với \(base): không có thay đổi có ý nghĩa ở các chỉ số chính."
        : "\(variant) so với \(base): "
          + [better.isEmpty ? nil : "tốt hơn về \(better.joined(separator: ", "))", worse.isEmpty ? nil : "kém hơn về \(worse.joined(separator: ", "))"]
          .compactMap { $0 }.joined(separator: "; ") + "."
    case .againstBase(let variant, let base): "\(variant) so với \(base)"
    case .noSignificantChange(let variant, let kpi, let difference, let halfWidth):
      "\(variant) không làm thay đổi có ý nghĩa \(kpi) (\(difference >= 0 ? "+" : "")\(short(difference)) ± \(short(halfWidth)))."
    case .significantChange(let variant, let kpi, let up, let better, let amount, let from, let to, let share):
      "\(variant) \(up ? "làm tăng" : "làm giảm") \(kpi) \(change(amount)) (từ "
        + (share ? "\(short(from * 100))% \(up ? "lên" : "xuống") \(short(to * 100))%" : "\(short(from)) \(up ? "lên" : "xuống") \(short(to))")
        + "): \(better ? "tốt hơn" : "kém hơn")."
    case .chartChangeWith(let label): "Thay đổi với \(label)"
    case .axisChangeAgainst(let base): "% thay đổi so với \(base)"
    case .captionDifferenceChart:
      "Chênh lệch theo cặp so với phương án gốc, tính theo phần trăm, kèm khoảng tin cậy 95%; khoảng cắt qua số 0 nghĩa là không có thay đổi có ý nghĩa. "
        + "Xanh lá: tốt hơn có ý nghĩa; đỏ cam: kém hơn có ý nghĩa; xám: không có thay đổi có ý nghĩa. Tốt hay kém tùy theo chỉ số: "
        + "ít hồ sơ quá hạn hơn, tồn đọng ít hơn, chờ ngắn hơn là tốt hơn; tỷ lệ đúng hạn (và mức bận) cao hơn là tốt hơn. Khi giá trị gốc gần bằng 0 "
        + "(trung bình nằm trong nửa độ rộng khoảng tin cậy 95% của chính nó), thay đổi tương đối không có nghĩa, nên dòng đó ghi thay đổi tuyệt đối."
    case .absoluteChange(let change, let unit): "gốc gần bằng 0: \(change) \(unit) (thay đổi tuyệt đối)"
    case .points: "điểm phần trăm"
    case .legendBetter: "tốt hơn"
    case .legendWorse: "kém hơn"
    case .legendNotSignificant: "không thay đổi có ý nghĩa"
    case .differenceColumn: "chênh lệch (KTC 95%)"
    case .whichIsBest: "Phương án nào tốt nhất"
    case .selectionHitLimit(let best): "Chưa xác định được một phương án tốt nhất trong giới hạn số lần mô phỏng; trung bình tốt nhất là \(best)."
    case .selectionKN(let best, let confidence, let zone):
      "Thủ tục KN của Kim và Nelson chọn \(best), với xác suất đúng ít nhất \(n(confidence, 2)) "
        + "khi phương án tốt nhất hơn các phương án khác ít nhất \(n(zone, 3))."
    case .alternativeColumn: "phương án"
    case .meanColumn: "trung bình"
    case .replicationsColumn: "số lần mô phỏng"
    case .outcomeColumn: "kết quả"
    case .selectionOutcome(let eliminatedAfter, let selected): eliminatedAfter.map { "bị loại sau \($0) lần" } ?? (selected ? "được chọn" : "giữ lại")
    case .selectionTextHitLimit(let best): "Lựa chọn (KN): chưa có phương án tốt nhất duy nhất trong giới hạn số lần mô phỏng; trung bình tốt nhất: \(best)."
    case .selectionText(let delta, let confidence, let best):
      "Lựa chọn (KN, δ = \(delta), P(chọn đúng) ≥ \(n(confidence, 2))): tốt nhất là \(best)."
    case .selectionLine(let label, let mean, let eliminatedAfter):
      "\(label): trung bình \(n(mean, 3)), \(eliminatedAfter.map { "bị loại sau \($0) lần mô phỏng" } ?? "giữ lại")"

    // Sweeps
    case .sweepIntro(let points, let factors):
      "\(points) điểm thiết kế theo \(factors.joined(separator: ", ")). Mỗi ô là trung bình qua các lần mô phỏng của điểm đó; các bảng ghi nửa độ rộng khoảng tin cậy 95%."
    case .sweepBest(let kpi, let point, let settings, let value, let unit):
      "Thấp nhất về \(kpi): điểm \(point) (\(settings)), \(value)\(unit.isEmpty ? "" : " \(unit)")."
    case .averagedOverOthers: "Trung bình theo các yếu tố còn lại."
    case .againstFactor(let factor): "Theo \(factor), kèm khoảng tin cậy 95%."
    case .pointsHeading: "Các điểm thiết kế"
    case .pointColumn: "điểm"

    // Optimisation
    case .optimizeTitle(let name): "onestop: bố trí cán bộ cho \(name)"
    case .optimizeRecommendation(let feasible, let confirmed, let added, let removed, let before, let after):
      !feasible
        ? "Không thể đạt các mục tiêu trong giới hạn ngân sách hoặc số bước tìm kiếm: phương án tốt nhất tìm được (\(before) → \(after) cán bộ biên chế) vẫn chưa đạt."
        : "Đề xuất: \(moves(added, removed)) (\(before) → \(after) cán bộ biên chế): "
          + (confirmed
            ? "mọi mục tiêu đều đạt ngay cả ở đầu bất lợi của khoảng tin cậy 95%."
            : "các mục tiêu đạt theo giá trị trung bình nhưng CHƯA được khẳng định ở mức tin cậy 95%; hãy chạy thêm lần mô phỏng trước khi áp dụng.")
    case .optimizeChange(let unit, let before, let after): "– \(unit): \(before) → \(after) (\(after > before ? "+" : "")\(after - before))"
    case .optimizeTargets(let targets): "Mục tiêu: \(targets.joined(separator: "; "))"
    case .optimizeTextHeading(let feasible, let confirmed):
      feasible
        ? (confirmed ? "Bố trí cán bộ đề xuất (mục tiêu được khẳng định ở mức tin cậy 95%):"
          : "Bố trí cán bộ đề xuất (mục tiêu đạt theo trung bình, CHƯA được khẳng định ở mức tin cậy 95%: hãy chạy thêm lần mô phỏng):")
        : "Không thể đạt các mục tiêu trong giới hạn ngân sách hoặc số bước; phương án tốt nhất tìm được:"
    case .optimizeTotal(let before, let after): "Tổng số cán bộ biên chế: \(before) → \(after)"
    case .optimizeAchieves(let replications): "Kết quả đạt được (\(replications) lần mô phỏng, trung bình ± KTC 95%):"
    case .optimizeWorstCentre(let target, let centre, let value): "Trung tâm kém nhất về \(target): \(centre), \(value)"
    case .optimizeByCentre: "Trước và sau, theo trung tâm"
    case .optimizeByPool: "Trước và sau, theo nhóm cán bộ"
    case .counterBeforeColumn: "tiếp nhận, trước"
    case .counterAfterColumn: "tiếp nhận, sau"
    case .backOfficeBeforeColumn: "chuyên môn, trước"
    case .backOfficeAfterColumn: "chuyên môn, sau"
    case .optimizeChangedCentresOnly(let changed, let total): "Chỉ liệt kê \(changed)/\(total) trung tâm có thay đổi về cán bộ."
    case .beforeColumn: "trước"
    case .afterColumn: "sau"
    case .changeColumn: "thay đổi"
    case .totalRow: "tổng"
    case .optimizeMarginalHeading: "Mỗi cán bộ tăng thêm mang lại gì"
    case .stepColumn: "bước"
    case .moveColumn: "thay đổi"
    case .shortfallBeforeColumn: "mức thiếu hụt trước"
    case .shortfallAfterColumn: "mức thiếu hụt sau"
    case .marginalValueColumn: "thiếu hụt giảm"
    case .moveAdd(let unit): "thêm 1 tại \(unit)"
    case .moveRemove(let unit): "bớt 1 tại \(unit)"
    case .moveTransfer(let from, let to): "điều động 1 từ \(from) sang \(to)"
    case .optimizeMarginalNote:
      "Mức thiếu hụt là tổng theo các mục tiêu của khoảng cách mà giá trị trung bình còn thiếu so với mục tiêu, tính tương đối theo mục tiêu (0: mọi mục tiêu đạt theo trung bình). "
        + "Mọi bước tìm kiếm chạy trên cùng dãy số ngẫu nhiên, nên mức thiếu hụt giảm là giá trị mà cán bộ đó mang lại. Các bước bớt người vẫn giữ mục tiêu đạt."
    case .optimizeAchievesHeading(let replications): "Kết quả của phương án đề xuất (\(replications) lần mô phỏng)"
    case .targetColumn: "mục tiêu"
    case .achievedColumn: "đạt được (trung bình ± KTC 95%)"
    case .holdsColumn: "đạt ở mức tin cậy 95%"
    case .worstCentreValue(let centre, let value): "trung tâm kém nhất \(centre): \(value)"
    case .yesNo(let yes): yes ? "có" : "không"
    case .optimizeBeforeNote:
      "Kết quả tối ưu hóa chỉ chứa các chỉ số của phương án đề xuất; để có chỉ số của bố trí hiện tại, hãy chạy onestop run với kịch bản."
    case .optimizeLogHeading: "Quá trình tìm kiếm, từng bước"
    case .separableHeading: "Mỗi người được bố trí ở đâu, và mang lại gì"
    case .separableNote(let objective):
      "Các trung tâm chỉ dùng chung ngân sách biên chế, nên đường cong của từng trung tâm (\(objective) theo số cán bộ bổ sung) được đọc riêng, tất cả trung tâm cùng lúc, trên cùng dãy số ngẫu nhiên, rồi ngân sách được phân bổ chính xác theo các đường cong. Mỗi dòng là một người, theo thứ tự phân bổ biên tế tham lam; giá trị mang lại được ghép cặp theo từng lần lặp (khoảng tin cậy 95%). Sau đó toàn thành phố được mô phỏng với phương án này để khẳng định."
    case .personColumn: "người"
    case .poolsChangeColumn: "bộ phận"
    case .gainColumn(let objective): "mang lại (\(objective))"
    case .nobodyOnTarget(let centre): "\(centre) không được bổ sung: đã đạt mục tiêu."
    case .nobodyBuysNothing(let centre, let gain): "\(centre) không được bổ sung: người đầu tiên không mang lại gì ở đó (\(gain))."
    case .nobodyBuysLess(let centre, let gain): "\(centre) không được bổ sung: người đầu tiên mang lại \(gain), ít hơn người cuối cùng được bố trí ở nơi khác."
    case .centreCapped(let centre, let cap): "\(centre) đã đạt mức tối đa \(cap) cán bộ bổ sung mỗi trung tâm (--max-per-centre): có thể cần thêm."
    case .whyNobodyHeading: "Các trung tâm không được bổ sung, và lý do"
    case .objectiveGain(let objective):
      switch objective {
      case "on-time": "số hồ sơ đúng hạn thêm"
      case "wait-p90": "số phút giảm ở bách phân vị 90 thời gian chờ tại quầy"
      default: "số hồ sơ quá hạn tránh được"
      }
    case .allocationVerdict(let added, let objective, let kpi, let from, let to, let change, let replications):
      "Bố trí như dưới đây, \(added) cán bộ bổ sung giúp thành phố \(Self.bestFor(objective)): \(kpi) từ \(from) thành \(to) (thay đổi ghép cặp \(change), \(replications) lần lặp toàn thành phố trên cùng dãy số ngẫu nhiên)."
    case .allocationHeading(let objective): "Phương án bố trí đề xuất (\(Self.bestFor(objective))):"
    case .optimizeInterrupted(let n):
      "Việc tìm kiếm đã bị dừng trước khi xong: đây là phương án tốt nhất tìm được đến lúc đó, ước lượng với \(n) lần mô phỏng và CHƯA được khẳng định."
    }
  }
}

private func deadlineText(_ deadline: Deadline) -> String {
  switch deadline {
  case .workingDays(0): "trong ngày làm việc"
  case .workingDays(let days): "\(days) ngày làm việc"
  case .workingHours(let hours): "\(n(hours, hours == hours.rounded() ? 0 : 1)) giờ làm việc"
  }
}

private func over(_ weeks: Int) -> String { weeks == 1 ? "trong tuần cuối" : "trong \(weeks) tuần cuối" }

private func levels(_ start: Double?, _ end: Double) -> String {
  "\(start.map { "từ \(n($0, 0)) hồ sơ lúc đầu kỳ" } ?? "từ 0 hồ sơ lúc đầu kỳ") đến \(n(end, 0)) hồ sơ cuối kỳ"
}

private func change(_ amount: ChangeAmount) -> String {
  switch amount {
  case .points(let x, let h): "\(short(x)) ± \(short(h)) điểm phần trăm"
  case .days(let x, let h): "\(short(x)) ± \(short(h)) ngày"
  case .perWeek(let x, let h): "\(short(x)) ± \(short(h)) hồ sơ mỗi tuần"
  case .relative(let x, let h): "\(short(x))% ± \(short(h))%"
  case .absolute(let x, let h): "\(short(x)) ± \(short(h))"
  }
}

private func moves(_ added: Int, _ removed: Int) -> String {
  switch (added > 0, removed > 0) {
  case (true, true): "thêm \(added) và bớt \(removed) cán bộ"
  case (true, false): "thêm \(added) cán bộ"
  case (false, true): "bớt \(removed) cán bộ"
  case (false, false): "giữ nguyên bố trí cán bộ hiện tại"
  }
}
