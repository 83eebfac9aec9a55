//===----------------------------------------------------------------------===//
// Tiếng Việt: tối ưu bố trí cán bộ và hiệu chỉnh mô hình trong không gian làm việc.
//===----------------------------------------------------------------------===//

extension Vietnamese {
  public func study(_ phrase: StudyPhrase) -> String {
    let n = language
    switch phrase {
    case .optimizeHeading: return "Tối ưu bố trí cán bộ"
    case .optimizeHint:
      return "Công cụ thêm từng người vào nơi thu hẹp khoảng cách tới mục tiêu nhiều nhất, rồi bớt những người không cần, mọi phương án chạy trên cùng dãy số ngẫu nhiên; kết quả được khẳng định khi mọi mục tiêu vẫn đạt ở đầu bất lợi của khoảng tin cậy 95%. Xuất phát từ kịch bản với các thay đổi ở trên. Tỷ lệ tính bằng phần trăm."
    case .targetScope: return "Áp dụng cho"
    case .targetValue: return "Mục tiêu"
    case .scopeTotal: return "toàn kịch bản"
    case .scopeEveryCentre: return "từng trung tâm"
    case .optimizeUnits: return "Bộ phận được thay đổi"
    case .unitSelection(let id):
      switch id {
      case "counters": return "chỉ quầy tiếp nhận"
      case "back-office": return "chỉ bộ phận xử lý"
      default: return "quầy tiếp nhận và bộ phận xử lý"
      }
    case .optimizeBudget: return "Số cán bộ bổ sung tối đa"
    case .optimizeBudgetHint: return "để trống: bao nhiêu tuỳ mục tiêu cần"
    case .optimizeTransfers: return "Cho phép điều chuyển cán bộ giữa các bộ phận và trung tâm"
    case .confirmReplications: return "Số lần lặp để khẳng định"
    case .optimizeConfirmHint: return "để trống: gấp bốn lần số lần lặp của kịch bản"
    case .optimize: return "Tối ưu"
    case .objectiveField: return "Mục đích bổ sung cán bộ"
    case .objectiveChoice(let id):
      switch id {
      case "overdue": return "ít hồ sơ quá hạn nhất (cần nhập số cán bộ bổ sung tối đa)"
      case "on-time": return "nhiều hồ sơ đúng hạn nhất (cần nhập số cán bộ bổ sung tối đa)"
      case "wait-p90": return "thời gian chờ (bách phân vị 90) ngắn nhất ở trung tâm chờ lâu nhất (cần nhập số cán bộ bổ sung tối đa)"
      default: return "ít cán bộ nhất mà vẫn đạt các mục tiêu dưới đây"
      }
    case .budgetNeeded: return "Hãy nhập số cán bộ bổ sung cần bố trí."
    case .gainHeading(let objective): return "Mang lại" + (objective.map { ", tính bằng \(report(.objectiveGain($0)))" } ?? "") + " (khoảng tin cậy 95%)"
    case .calibrateHeading: return "Hiệu chỉnh theo số liệu thực tế"
    case .calibrateHint:
      return "Tìm giá trị của các tham số tự do (trong giới hạn của chúng) để số liệu mô phỏng gần nhất với số liệu quan sát, và cho biết số liệu có đủ để xác định các tham số hay không. Mỗi dòng một số liệu, kpi[TỪ..ĐẾN]=giá trị+-sai số (ví dụ arrivals[2025-07-01..2025-07-08]=38321+-1%); mỗi dòng một tham số tự do, key.path=thấp:cao, hoặc volume_scale, back_office_time_scale, counter_time_scale. Có thể mất vài phút."
    case .calibrateTargets: return "Số liệu quan sát cần tái hiện"
    case .calibrateFree: return "Tham số tự do và giới hạn"
    case .calibrateStarts: return "Số điểm xuất phát của việc tìm kiếm"
    case .calibrateEvaluations: return "Số phương án mô phỏng tối đa"
    case .calibrate: return "Hiệu chỉnh"
    case .chooseKPI: return "Hãy chọn chỉ tiêu cho mục tiêu này."
    case .expectedNumber(let text): return "Cần một số, nhưng nhận được '\(text)'."
    case .expectedPercent(let text): return "Cần một tỷ lệ phần trăm từ 0 đến 100, nhưng nhận được '\(text)'."
    case .expectedWholeNumber(let text, let minimum): return "Cần một số nguyên không nhỏ hơn \(minimum), nhưng nhận được '\(text)'."
    case .targetNeeded: return "Hãy nhập ít nhất một mục tiêu."
    case .noPools: return "Kịch bản không có bộ phận loại này."
    case .calibrateTargetsNeeded: return "Hãy nhập ít nhất một số liệu quan sát."
    case .calibrateFreeNeeded: return "Hãy nhập ít nhất một tham số tự do."
    case .lineProblem(let line, let message): return "Dòng \(line): \(message)."
    case .searching(let detail): return detail.isEmpty ? "Đang tìm kiếm…" : "Đang tìm kiếm: \(detail)"
    case .studyOptimize(let name): return "Tối ưu bố trí cán bộ: \(name)"
    case .studyCalibrate(let name): return "Hiệu chỉnh: \(name)"
    case .staffBeforeAndAfter: return "Cán bộ biên chế trước và sau"
    case .staffPool: return "Bộ phận"
    case .staffBefore: return "Trước"
    case .staffAfter: return "Sau"
    case .confirmedWith(let replications): return "Kết quả của phương án đề xuất, qua \(n.number(replications)) lần lặp (khoảng tin cậy 95%)"
    case .calibrateVerdict(let within, let of):
      return "Kịch bản đã hiệu chỉnh tái hiện \(n.number(within)) trên \(n.number(of)) số liệu quan sát trong phạm vi hai lần sai số."
    case .residualsHeading: return "Quan sát và mô phỏng"
    case .figureColumn: return "Số liệu"
    case .observedColumn: return "Quan sát ± sai số"
    case .simulatedColumn: return "Mô phỏng (khoảng tin cậy 95%)"
    case .zColumn: return "z"
    case .parametersHeading: return "Giá trị tìm được"
    case .settingColumn: return "Tham số"
    case .valueColumn: return "Giá trị"
    case .rangeColumn: return "Khoảng phù hợp với số liệu"
    case .pinnedDown(let pinned): return pinned ? "đã xác định" : "chưa xác định được từ các số liệu này"
    case .calibratedSaved: return "Mở kịch bản đã hiệu chỉnh (đã lưu trong không gian làm việc này)"
    case .calibratedNotSaved:
      return "Kịch bản đã hiệu chỉnh đọc các tệp dữ liệu không nằm trong không gian làm việc này nên chưa được lưu tại đây: hãy tải tệp YAML bên dưới và đặt cạnh kịch bản gốc."
    }
  }
}
