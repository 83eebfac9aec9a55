//===----------------------------------------------------------------------===//
// Vietnamese: KPI labels and units, in the terms of the one-stop service.
//===----------------------------------------------------------------------===//

import CentreSimulation

extension Vietnamese {
  public func label(_ measure: RunMeasure) -> String {
    switch measure {
    case .arrivals: "Hồ sơ đến (mọi kênh)"
    case .counterServed: "Lượt công dân được gọi lên quầy"
    case .received: "Hồ sơ đã tiếp nhận"
    case .completed: "Hồ sơ đã giải quyết"
    case .completedOnTime: "Giải quyết đúng hạn"
    case .completedLate: "Giải quyết quá hạn"
    case .overdueOpen: "Chưa giải quyết, đã quá hạn (cuối kỳ)"
    case .overdue: "Quá hạn (trễ hạn + chưa giải quyết đã quá hạn)"
    case .onTimeRate: "Tỷ lệ đúng hạn"
    case .processedShare: "Tỷ lệ hồ sơ đến đã giải quyết"
    case .backlogEnd: "Tồn đọng cuối kỳ (đã tiếp nhận, chưa giải quyết)"
    case .inSystemEnd: "Còn trong hệ thống cuối kỳ (đã đến, chưa giải quyết)"
    case .waitingEnd: "Đang chờ quầy lúc kết thúc"
    case .carriedOver: "Hết giờ, hẹn quay lại buổi sau"
    case .balked: "Bỏ về khi thấy hàng chờ"
    case .reneged: "Bỏ về vì chờ lâu"
    case .turnedAway: "Bị từ chối do hết số trong ngày"
    case .handedBack: "Trả lại tại quầy do hồ sơ chưa đủ"
    case .returnedFromBackOffice: "Bộ phận chuyên môn yêu cầu bổ sung"
    case .comeBacks: "Lượt công dân quay lại"
    case .abandoned: "Hồ sơ bị bỏ hẳn"
    case .overdueOpenAge0to1: "Quá hạn 0–1 ngày làm việc (chưa giải quyết)"
    case .overdueOpenAge2to5: "Quá hạn 2–5 ngày làm việc (chưa giải quyết)"
    case .overdueOpenAge6to10: "Quá hạn 6–10 ngày làm việc (chưa giải quyết)"
    case .overdueOpenAgeOver10: "Quá hạn trên 10 ngày làm việc (chưa giải quyết)"
    case .counterWaitMean: "Thời gian chờ tại quầy, trung bình (đã được phục vụ)"
    case .counterWaitP50: "Thời gian chờ tại quầy, trung vị (đã được phục vụ)"
    case .counterWaitP90: "Thời gian chờ tại quầy, phân vị 90 (đã được phục vụ)"
    case .counterWaitP95: "Thời gian chờ tại quầy, phân vị 95 (đã được phục vụ)"
    case .counterWaitMax: "Thời gian chờ tại quầy, lâu nhất (đã được phục vụ)"
    case .counterWaitPriorityMean: "Thời gian chờ của người được ưu tiên, trung bình"
    case .counterQueueMean: "Hàng chờ tại quầy, trung bình theo thời gian"
    case .counterQueueMax: "Hàng chờ tại quầy, dài nhất"
    case .counterUtilisation: "Mức bận của cán bộ tiếp nhận"
    case .backOfficeWaitMean: "Thời gian chờ xử lý chuyên môn (thời gian thực), trung bình"
    case .backOfficeUtilisation: "Mức bận của cán bộ chuyên môn"
    case .turnaroundMean: "Thời gian từ tiếp nhận đến trả kết quả (thời gian thực), trung bình"
    case .outageMinutes: "Thời gian hệ thống gián đoạn"
    case .initialBacklog: "Hồ sơ tồn đầu kỳ"
    case .initialCompleted: "Hồ sơ tồn đầu kỳ đã giải quyết"
    case .initialOverdue: "Quá hạn trong số hồ sơ tồn đầu kỳ"
    case .newOverdue: "Quá hạn trong số hồ sơ mới"
    case .initialCleared: "Đã giải quyết hết tồn đầu kỳ trước cuối kỳ"
    case .initialClearedDay: "Ngày giải quyết hết tồn đầu kỳ (0: ngày đầu)"
    case .counterWaitAllMean: "Thời gian chờ tại quầy, trung bình (mọi người đã lấy số, đến cuối kỳ)"
    case .waitingEndMeanWait: "Thời gian đã chờ của người còn chờ lúc kết thúc, trung bình"
    case .delayProbability: "Tỷ lệ công dân phải chờ"
    case .openDeadlineUsedUnder50: "Chưa giải quyết, đã dùng dưới nửa thời hạn"
    case .openDeadlineUsed50to80: "Chưa giải quyết, đã dùng 50–80% thời hạn"
    case .openDeadlineUsed80to100: "Chưa giải quyết, đã dùng 80–100% thời hạn"
    case .backlogTrendPerWeek: "Xu hướng tồn đọng những tuần cuối"
    case .backOfficeWaitWorkingHours: "Thời gian chờ xử lý chuyên môn trong giờ làm việc, trung bình"
    case .turnaroundWorkingDays: "Thời gian từ tiếp nhận đến trả kết quả, tính theo ngày làm việc, trung bình"
    }
  }

  public func label(_ measure: WindowMeasure) -> String {
    switch measure {
    case .arrivals: "Hồ sơ đến trong khoảng thời gian"
    case .onlineArrivals: "Trong đó, nộp trực tuyến"
    case .received: "Trong đó, đã tiếp nhận đến cuối khoảng"
    case .completed: "Trong đó, đã giải quyết đến cuối khoảng"
    case .completedOnTime: "Trong đó, giải quyết đúng hạn đến cuối khoảng"
    case .completedLate: "Trong đó, giải quyết quá hạn đến cuối khoảng"
    case .overdueOpen: "Trong đó, chưa giải quyết và đã quá hạn ở cuối khoảng"
    case .overdue: "Trong đó, quá hạn đến cuối khoảng (trễ hạn + chưa giải quyết đã quá hạn)"
    case .backlogEnd: "Trong đó, đã tiếp nhận nhưng chưa giải quyết ở cuối khoảng"
    case .processedShare: "Tỷ lệ đã giải quyết đến cuối khoảng"
    case .onlineShare: "Tỷ lệ nộp trực tuyến"
    case .onTimeRate: "Tỷ lệ đúng hạn đến cuối khoảng"
    }
  }

  public func unit(_ unit: String) -> String {
    switch unit {
    case "dossiers": "hồ sơ"
    case "citizens": "công dân"
    case "min": "phút"
    case "h": "giờ"
    case "working days": "ngày làm việc"
    case "working hours": "giờ làm việc"
    case "day": "ngày"
    case "dossiers/week": "hồ sơ/tuần"
    case "share": "tỷ lệ"
    case "staff": "cán bộ"
    case "staff-hours": "giờ công"
    default: unit
    }
  }
}

extension Vietnamese {
  /// The label of a centre's KPI.
  public func label(_ measure: CentreMeasure) -> String {
    switch measure {
    case .arrivals: "Hồ sơ đến"
    case .received: "Đã tiếp nhận"
    case .completed: "Đã giải quyết"
    case .completedLate: "Giải quyết quá hạn"
    case .overdueOpen: "Chưa giải quyết, đã quá hạn (cuối kỳ)"
    case .overdue: "Quá hạn"
    case .onTimeRate: "Tỷ lệ đúng hạn"
    case .processedShare: "Tỷ lệ hồ sơ đến đã giải quyết"
    case .backlogEnd: "Tồn đọng cuối kỳ"
    case .abandoned: "Hồ sơ bị bỏ hẳn"
    case .carriedOver: "Hết giờ, hẹn quay lại"
    case .counterWaitMean: "Thời gian chờ tại quầy, trung bình"
    case .counterWaitP90: "Thời gian chờ tại quầy, phân vị 90"
    case .counterQueueMax: "Hàng chờ tại quầy, dài nhất"
    case .counterStaffHours: "Giờ công tiếp nhận"
    case .backOfficeStaffHours: "Giờ công chuyên môn"
    case .counterUtilisation: "Mức bận của cán bộ tiếp nhận"
    case .backOfficeUtilisation: "Mức bận của cán bộ chuyên môn"
    case .initialBacklog: "Hồ sơ tồn đầu kỳ"
    case .initialClearedDay: "Ngày giải quyết hết tồn đầu kỳ (0: ngày đầu)"
    case .backlogTrendPerWeek: "Xu hướng tồn đọng những tuần cuối"
    }
  }

  /// The label of a procedure's KPI.
  public func label(_ measure: ProcedureMeasure) -> String {
    switch measure {
    case .arrivals: "Hồ sơ đến"
    case .received: "Đã tiếp nhận"
    case .completed: "Đã giải quyết"
    case .completedOnTime: "Giải quyết đúng hạn"
    case .completedLate: "Giải quyết quá hạn"
    case .overdueOpen: "Chưa giải quyết, đã quá hạn (cuối kỳ)"
    case .onTimeRate: "Tỷ lệ đúng hạn"
    case .abandoned: "Bị bỏ hẳn"
    case .counterWaitMean: "Thời gian chờ tại quầy, trung bình"
    case .turnaroundMean: "Thời gian giải quyết, trung bình"
    case .turnaroundWorkingDays: "Thời gian giải quyết theo ngày làm việc, trung bình"
    }
  }
}
