//===----------------------------------------------------------------------===//
// Tiếng Việt: hiệu chỉnh mô hình, giai đoạn khởi động, bố trí cán bộ theo giờ và lý
// thuyết hàng chờ bên cạnh mô phỏng.
//===----------------------------------------------------------------------===//

import CentreSimulation

extension Vietnamese {
  public func analysis(_ phrase: AnalysisPhrase) -> String {
    let l = language
    func n(_ x: Double, _ digits: Int) -> String { l.number(x, decimals: digits) }
    func log(_ x: Double) -> String { x.isFinite ? l.number(x, decimals: 4).replacing(/,?0+$/, with: "") : (x.isNaN ? "–" : "∞") }
    switch phrase {
    case .notePrefix: return "ghi chú: "
    case .yesOrNo(let yes): return yes ? "có" : "không"
    case .range(let low, let high, let digits): return "\(n(low, digits)) đến \(n(high, digits))"
    case .distanceColumn: return "khoảng cách"

    // onestop calibrate
    case .calibrationInterruptedConsole:
      return "Việc hiệu chỉnh ĐÃ BỊ DỪNG: các giá trị dưới đây là tốt nhất tìm được đến lúc dừng, chưa được khẳng định."
    case .calibrationTargetsConsole(let replications):
      return "Số liệu mục tiêu (\(l.number(replications)) lần chạy lặp của kịch bản đã hiệu chỉnh):"
    case .calibrationTargetColumn: return "mục tiêu"
    case .observedValueColumn: return "quan sát"
    case .toleranceColumn: return "sai số cho phép"
    case .simulatedValueColumn: return "mô phỏng ± KTC 95%"
    case .freeParametersConsole:
      return "Tham số tự do (khoảng: các giá trị có khoảng cách không quá khoảng cách tốt nhất cộng 3,84, các tham số khác được khớp lại):"
    case .parameterColumn: return "tham số"
    case .calibratedColumn: return "đã hiệu chỉnh"
    case .parameterRangeColumn: return "khoảng"
    case .pinnedDownColumn: return "đã xác định"
    case .boundsColumn: return "giới hạn"
    case .rangeWithinColumn: return "khoảng trong phạm vi 3,84"
    case .allPinnedDown: return "Các số liệu mục tiêu xác định được mọi tham số tự do."
    case .notIdentifiableConsole(let reasons):
      return "Không xác định được: \(reasons). Đừng coi một điểm trong dải giá trị tương đương đó là câu trả lời."
    case .tradeOffConsole(let x, let y):
      return "Sự đánh đổi giữa \(x) và \(y) (\(y) được khớp với từng giá trị của \(x)):"
    case .candidatesSimulated(let count): return "Đã mô phỏng \(l.number(count)) phương án."
    case .calibrationTitle(let name): return "onestop – hiệu chỉnh mô hình: \(name)"
    case .calibrationInterrupted: return "Đã bị dừng: các giá trị là tốt nhất tìm được đến lúc dừng, chưa được khẳng định."
    case .notIdentifiableMap(let reasons):
      return "Không xác định được: \(reasons). Bản đồ dưới đây cho thấy các giá trị tái hiện số liệu tốt gần như nhau."
    case .targetsHeading: return "Số liệu mục tiêu"
    case .freeParametersHeading: return "Tham số tự do"
    case .profileTitle(let name): return "Đường khảo sát (profile) của \(name)"
    case .profileCaption(let name):
      return "Khoảng cách tới các số liệu mục tiêu theo \(name), các tham số khác được khớp lại tại mỗi giá trị (chấm: các giá trị đã mô phỏng; đường chấm: giá trị đã hiệu chỉnh); các giá trị nằm dưới đường gạch, trong phạm vi 3,84 so với điểm thấp nhất, khớp tốt gần như nhau (95%). Trục dừng ở mức bốn lần 3,84 trên điểm thấp nhất: các điểm cao hơn được vẽ ở mép trên."
    case .profileAxis: return "khoảng cách Σ z²"
    case .profileThreshold(let threshold): return "cao hơn điểm tốt nhất \(threshold)"
    case .tradeOffHeading(let x, let y): return "Sự đánh đổi giữa \(x) và \(y)"
    case .tradeOffChart: return "Khoảng cách tới các số liệu mục tiêu"
    case .tradeOffCells: return "khoảng cách Σ z² (càng thấp càng gần; trong phạm vi 3,84 so với thấp nhất: tốt như nhau)"
    case .tradeOffCaption:
      return "Mọi tham số tự do khác ở giá trị đã hiệu chỉnh. Một dải giá trị thấp chạy ngang bản đồ là một dải giá trị tương đương: số liệu không phân biệt được các tổ hợp đó."
    case .fittedWith(let y): return "\(y) được khớp theo"
    case .searchHeading: return "Quá trình tìm kiếm (nhật ký của chương trình, bằng tiếng Anh như trong calibration.json)"
    case .candidatesSimulatedRow: return "số phương án đã mô phỏng"
    case .changesRow: return "thay đổi"
    case .fewerTargets(let targets, let free):
      return "\(l.number(targets)) số liệu mục tiêu cho \(l.number(free)) tham số tự do: số liệu không thể xác định hết các tham số"
    case .looseParameters(let items): return "các giá trị \(items.joined(separator: ", ")) đều khớp với số liệu gần như nhau"
    case .looseParameter(let name, let low, let high): return "của \(name) từ \(log(low)) đến \(log(high))"
    case .ridge(let x, let xFrom, let xTo, let y, let yFrom, let yTo):
      return "một dải giá trị tương đương: \(x) từ \(log(xFrom)) đến \(log(xTo)) đi cùng \(y) từ \(log(yFrom)) đến \(log(yTo))"
    case .everyParameterPinned: return "mọi tham số tự do đều được số liệu mục tiêu xác định"

    // onestop warmup
    case .mserIntro(let batchSize, let replications, let days):
      return "MSER-\(batchSize) trên các chuỗi số liệu theo ngày (giá trị mỗi ngày là trung bình của \(l.number(replications)) lần chạy lặp, \(l.number(days)) ngày)"
        + (batchSize == 7 ? ",\ntheo từng nhóm một tuần, vì các trung tâm đóng cửa vào một số ngày:" : ":")
    case .dailyMeasureColumn: return "chỉ tiêu theo ngày"
    case .measureUnitColumn: return "đơn vị"
    case .warmUpColumn: return "giai đoạn khởi động"
    case .meanAllDaysColumn: return "trung bình, mọi ngày"
    case .meanAfterWarmUpColumn: return "trung bình sau khởi động"
    case .tooShort: return "quá ngắn"
    case .dayCount(let days): return "\(l.number(days)) ngày"
    case .dayMeasure(let measure): return Self.label(measure)
    case .suggestedWarmUp(let days): return "Giai đoạn khởi động đề xuất: \(l.number(days)) ngày."
    case .applyWarmUp(let days):
      return "Áp dụng bằng --set horizon.warm_up_days=\(days), hoặc warm_up_days trong mục horizon của kịch bản."
    case .noWarmUp(let unsettled):
      return "Không đề xuất được giai đoạn khởi động: \(unsettled.joined(separator: ", ")) chưa ổn định trong nửa đầu "
        + "của kỳ mô phỏng (đánh dấu (!)). Hãy mô phỏng dài hơn (--set horizon.days=...), hoặc hệ thống đang quá tải "
        + "và không có trạng thái dừng."

    // onestop optimize --by-hour
    case .byHourHeading(let scenario, let alpha):
      return "Cán bộ tiếp nhận theo từng giờ cho \(scenario): mỗi giờ có không quá \(n(alpha * 100, 0))% công dân phải chờ."
    case .isaOutcome(let steps, let converged, let oscillated):
      let how = "Thuật toán bố trí cán bộ lặp (Feldman, Mandelbaum, Massey & Whitt 2008) "
      if oscillated {
        return how + "sau \(l.number(steps)) vòng lặp rơi vào một chu kỳ (có giờ nằm sát mục tiêu); lấy số cán bộ lớn hơn của mỗi giờ trong chu kỳ."
      } else if converged {
        return how + "hội tụ sau \(l.number(steps)) vòng lặp."
      }
      return how + "dừng sau \(l.number(steps)) vòng lặp mà chưa hội tụ; bảng cho thấy phương án bố trí cuối cùng."
    case .clockHourColumn: return "giờ"
    case .hourlyArrivalsColumn: return "lượt đến/giờ"
    case .erlangCStaffColumn: return "cán bộ theo Erlang C"
    case .simulatedDelayColumn: return "P(phải chờ), mô phỏng"
    case .isaStaffColumn: return "cán bộ theo ISA"
    case .meanWaitMinutesColumn: return "chờ (phút)"
    case .staffHoursLine(let erlangC, let isa):
      return "Giờ công mỗi ngày: Erlang C \(l.number(erlangC)), ISA \(l.number(isa))."
    case .worstHourLine(let erlangC, let isa, let alpha):
      return "P(phải chờ) của giờ tệ nhất: Erlang C \(n(erlangC * 100, 1))%, ISA \(n(isa * 100, 1))% (mục tiêu \(n(alpha * 100, 0))%)."
    case .erlangCLags:
      return "Erlang C bố trí mỗi giờ như thể đó là một trạng thái dừng riêng, nên chậm hơn hàng chờ hình thành lúc "
        + "cao điểm và còn kéo dài sau đó; thuật toán lặp đo hàng chờ mà mô phỏng thực sự chuyển từ giờ này sang giờ "
        + "khác. Cả hai cột P(phải chờ) đều được mô phỏng trên cùng dãy số ngẫu nhiên (khoảng tin cậy 95%)."
    case .helpsBackOffice:
      return "Ở đây cán bộ tiếp nhận giúp bộ phận xử lý khi không có công dân chờ; cán bộ đang làm việc của bộ phận "
        + "xử lý không tiếp được công dân vừa đến, điều mà mô phỏng (và do đó kết quả của thuật toán lặp) tính đến còn "
        + "Erlang C thì không."

    // Queueing theory
    case .theoryTextHeading(let centre, let meanService, let scv, let model):
      return "Các quầy của \(centre): thời gian tiếp nhận trung bình \(n(meanService, 1)) phút (SCV \(n(scv, 2))), một ngày làm việc chuẩn; \(model)"
        + (model == "Erlang A" ? " (công dân có thể bỏ về: P(phải chờ) và Wq tính trên mọi lượt đến, được phục vụ hay không)." : ".")
    case .serversColumn: return "cán bộ"
    case .offeredLoadColumn: return "tải (Erl)"
    case .delayProbabilityColumn: return "P(phải chờ)"
    case .meanWaitColumn: return "Wq (phút)"
    case .scvCorrectedWaitColumn: return "Wq hiệu chỉnh SCV"
    case .abandonmentColumn: return "P(bỏ về)"
    case .squareRootStaffColumn: return "bố trí căn bậc hai"
    case .overloadedHours(let hours):
      return "cảnh báo: mức bận ≥ 1 lúc \(hours.joined(separator: ", ")): hàng chờ tăng suốt những giờ đó"
    case .caveatTimeVarying:
      return "Nhu cầu thay đổi theo từng giờ; hàng chờ dồn lại lúc cao điểm cần thời gian để giải toả, nên các giờ sau cao điểm phải chờ lâu hơn mức tải của chính giờ đó."
    case .caveatNotExponential(let scv):
      return "Thời gian tiếp nhận tại quầy không theo phân phối mũ (SCV \(n(scv, 2))); Erlang C giả định SCV bằng 1, cột hiệu chỉnh dùng hệ số Allen–Cunneen (1 + SCV)/2."
    case .caveatBreak: return "Các quầy nghỉ giữa ca; công dân đang chờ lúc đó được chuyển sang sau giờ nghỉ."
    case .caveatReturnNextDay: return "Công dân còn chờ lúc đóng cửa quay lại sáng hôm sau: hàng chờ được chuyển sang ngày tiếp theo."
    case .caveatSkills: return "Các quầy phân theo lĩnh vực: bảng gộp chúng lại, nên đánh giá thấp thời gian chờ khi dịch vụ bị chia tách."
    case .caveatIrregularStaff: return "Cán bộ tăng cường, làm bán thời gian, vắng mặt hoặc làm chậm hơn không được tính vào số quầy của bảng."
    case .caveatPatienceShape: return "Erlang A giả định thời gian kiên nhẫn theo phân phối mũ; kịch bản có cùng trung bình nhưng dạng phân phối khác."
    case .caveatBalking: return "Công dân bỏ về ngay khi thấy hàng chờ (balk_at) không có trong Erlang A."
    case .caveatBalkingOnly: return "Chỉ đặt ngưỡng bỏ về khi thấy hàng (không có thời gian kiên nhẫn): bảng dùng Erlang C, vốn bỏ qua điều này."
    case .caveatBackOffice: return "Lý thuyết chỉ áp dụng cho quầy tiếp nhận: việc đúng hạn phụ thuộc bộ phận xử lý, phần mà mô phỏng mới mô hình hoá."
    }
  }

  /// The label of a daily series.
  static func label(_ measure: DayMeasure) -> String {
    switch measure {
    case .arrivals: "Hồ sơ đến"
    case .received: "Đã tiếp nhận"
    case .completed: "Đã giải quyết"
    case .completedLate: "Giải quyết trễ hạn"
    case .backlog: "Tồn đọng lúc nửa đêm"
    case .inSystem: "Trong hệ thống lúc nửa đêm"
    case .overdueOpen: "Chưa giải quyết, đã quá hạn, lúc nửa đêm"
    case .counterWaitMean: "Thời gian chờ tại quầy, trung bình"
    case .counterQueueMax: "Hàng chờ tại quầy, dài nhất"
    case .carriedOver: "Phải về lúc đóng cửa"
    case .abandoned: "Bỏ về"
    case .initialOpen: "Tồn đọng ban đầu còn chưa giải quyết lúc nửa đêm"
    case .backOfficeQueue: "Chờ ở bộ phận xử lý lúc nửa đêm"
    }
  }
}
